import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { placementSites, professions, programmes } from "./catalog.table.ts";

const programmeColumns = {
  id: programmes.id,
  name: programmes.name,
  institutionId: programmes.institutionId,
  institutionShortName: institutions.shortName,
  professionId: programmes.professionId,
  professionName: professions.name,
};

export function createCatalogRepository({ db }: { db: DbOrTx }) {
  return {
    listProfessions(trustId: string) {
      return db
        .select({ id: professions.id, name: professions.name })
        .from(professions)
        .where(eq(professions.trustId, trustId))
        .orderBy(asc(professions.name));
    },
    async findProfession(trustId: string, id: string) {
      const [row] = await db
        .select({ id: professions.id, name: professions.name })
        .from(professions)
        .where(and(eq(professions.trustId, trustId), eq(professions.id, id)));
      return row;
    },
    async findProfessionByName(trustId: string, name: string) {
      const [row] = await db
        .select({ id: professions.id })
        .from(professions)
        .where(and(eq(professions.trustId, trustId), eq(professions.name, name)));
      return row;
    },
    async createProfession(trustId: string, name: string) {
      const [row] = await db
        .insert(professions)
        .values({ trustId, name })
        .returning({ id: professions.id, name: professions.name });
      return row as NonNullable<typeof row>;
    },
    async renameProfession(id: string, name: string) {
      await db.update(professions).set({ name, updatedAt: new Date() }).where(eq(professions.id, id));
    },
    async deleteProfession(id: string) {
      await db.delete(professions).where(eq(professions.id, id));
    },

    listProgrammes(trustId: string, onlyInstitutionIds?: string[], id?: string) {
      return db
        .select(programmeColumns)
        .from(programmes)
        .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
        .innerJoin(professions, eq(professions.id, programmes.professionId))
        .where(
          and(
            eq(programmes.trustId, trustId),
            onlyInstitutionIds ? inArray(programmes.institutionId, onlyInstitutionIds) : undefined,
            id ? eq(programmes.id, id) : undefined,
          ),
        )
        .orderBy(asc(institutions.shortName), asc(programmes.name));
    },
    async findProgrammeByName(trustId: string, institutionId: string, name: string) {
      const [row] = await db
        .select({ id: programmes.id })
        .from(programmes)
        .where(
          and(eq(programmes.trustId, trustId), eq(programmes.institutionId, institutionId), eq(programmes.name, name)),
        );
      return row;
    },
    async createProgramme(values: typeof programmes.$inferInsert) {
      const [row] = await db.insert(programmes).values(values).returning({ id: programmes.id });
      return row as NonNullable<typeof row>;
    },
    async updateProgramme(id: string, values: { name: string; institutionId: string; professionId: string }) {
      await db
        .update(programmes)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(programmes.id, id));
    },
    async deleteProgramme(id: string) {
      await db.delete(programmes).where(eq(programmes.id, id));
    },
    async countProgrammes(trustId: string, institutionId: string) {
      const rows = await db
        .select({ id: programmes.id })
        .from(programmes)
        .where(and(eq(programmes.trustId, trustId), eq(programmes.institutionId, institutionId)));
      return rows.length;
    },
    async countProgrammesOfProfession(professionId: string) {
      const rows = await db
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.professionId, professionId));
      return rows.length;
    },

    /** How many professions, programmes (only `onlyInstitutionIds`' when given) and placement sites the trust has, in one statement. */
    async counts(trustId: string, onlyInstitutionIds?: string[]) {
      const ofTrust = (t: typeof professions | typeof programmes | typeof placementSites) =>
        sql<number>`(select count(*)::int from ${t} where ${and(
          eq(t.trustId, trustId),
          t === programmes && onlyInstitutionIds ? inArray(programmes.institutionId, onlyInstitutionIds) : undefined,
        )})`;
      const [row] = await db
        .select({
          professions: ofTrust(professions),
          programmes: ofTrust(programmes),
          placementSites: ofTrust(placementSites),
        })
        .from(sql`(select 1) as one`);
      return row ?? { professions: 0, programmes: 0, placementSites: 0 };
    },

    listPlacementSites(trustId: string) {
      return db
        .select({ id: placementSites.id, name: placementSites.name, department: placementSites.department })
        .from(placementSites)
        .where(eq(placementSites.trustId, trustId))
        .orderBy(asc(placementSites.name));
    },
    async findPlacementSite(trustId: string, id: string) {
      const [row] = await db
        .select({ id: placementSites.id, name: placementSites.name, department: placementSites.department })
        .from(placementSites)
        .where(and(eq(placementSites.trustId, trustId), eq(placementSites.id, id)));
      return row;
    },
    async findPlacementSiteByName(trustId: string, name: string) {
      const [row] = await db
        .select({ id: placementSites.id })
        .from(placementSites)
        .where(and(eq(placementSites.trustId, trustId), eq(placementSites.name, name)));
      return row;
    },
    async createPlacementSite(values: typeof placementSites.$inferInsert) {
      const [row] = await db
        .insert(placementSites)
        .values(values)
        .returning({ id: placementSites.id, name: placementSites.name, department: placementSites.department });
      return row as NonNullable<typeof row>;
    },
    async updatePlacementSite(id: string, values: { name: string; department: string | null }) {
      await db
        .update(placementSites)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(placementSites.id, id));
    },
    async deletePlacementSite(id: string) {
      await db.delete(placementSites).where(eq(placementSites.id, id));
    },
  };
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
