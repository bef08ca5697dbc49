import { type AnyColumn, and, asc, eq, type SQL, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { createCatalogRepository } from "./catalog.repository.ts";
import { placementSites, professions, programmes } from "./catalog.table.ts";

/** What other modules may use of the catalog module: its use-cases, and how many programmes an institution has. */
export { type CatalogUsecases, createCatalogUsecases, type ProfessionLinks } from "./catalog.usecases.ts";

/** How many of the trust's study programmes belong to the institution. */
export const countProgrammes = (db: DbOrTx, trustId: string, institutionId: string) =>
  createCatalogRepository({ db }).countProgrammes(trustId, institutionId);

/** Read with every sheet opened or saved, so built once (`shared/built-once.ts`). */
const sitesOf = builtOnce((db) =>
  db
    .select({ id: placementSites.id, name: placementSites.name })
    .from(placementSites)
    .where(eq(placementSites.trustId, sql.placeholder("trustId")))
    .orderBy(asc(placementSites.name))
    .prepare("catalog_placement_sites_of"),
);

/** What other modules read of the catalog: the trust's placement sites and study programmes. */
export function placementSitesOf(db: DbOrTx, trustId: string) {
  return sitesOf(db).execute({ trustId });
}

/** A profession of the trust. */
export async function professionOf(db: DbOrTx, trustId: string, professionId: string) {
  const [row] = await db
    .select({ id: professions.id, name: professions.name })
    .from(professions)
    .where(and(eq(professions.trustId, trustId), eq(professions.id, professionId)));
  return row;
}

/** A programme of the institution at the trust. */
export async function programmeOf(db: DbOrTx, q: { trustId: string; institutionId: string; programmeId: string }) {
  const [row] = await db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(
      and(
        eq(programmes.trustId, q.trustId),
        eq(programmes.institutionId, q.institutionId),
        eq(programmes.id, q.programmeId),
      ),
    );
  return row;
}

/**
 * The name of the programme `programmeId` (a column of the caller's table), as a value inside the
 * caller's statement: a list of documents stays one statement however many it names.
 */
export const programmeNameOf = (programmeId: SQL | AnyColumn) =>
  sql<string>`coalesce((select ${programmes.name} from ${programmes} where ${programmes.id} = ${programmeId}), '')`;

/** The institution's study programmes at the trust with their professions (a row's access profile follows them). */
export function programmesOfInstitution(db: DbOrTx, q: { trustId: string; institutionId: string }) {
  return db
    .select({ id: programmes.id, name: programmes.name, professionId: programmes.professionId })
    .from(programmes)
    .where(and(eq(programmes.trustId, q.trustId), eq(programmes.institutionId, q.institutionId)));
}
