import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { ArchiveFilter } from "../../../contracts/clinical-systems.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { professions } from "../catalog/catalog.table.ts";
import {
  accessProfileItems,
  accessProfiles,
  accessProfileVersions,
  clinicalSystems,
} from "./clinical-systems.table.ts";

export type SystemRow = typeof clinicalSystems.$inferSelect;

export interface SystemFilter {
  trustId: string;
  q?: string;
  status: ArchiveFilter;
}

const sortColumns = { name: sql`lower(${clinicalSystems.name})`, updated: clinicalSystems.updatedAt };

/** Archived (`archived_at` set) or not, as a list's status filter asks. */
export function archiveCondition(column: AnyColumn, status: ArchiveFilter): SQL | undefined {
  if (status === "active") return isNull(column);
  if (status === "archived") return isNotNull(column);
  return undefined;
}

function where(f: SystemFilter): SQL | undefined {
  const pattern = f.q ? containsPattern(f.q) : null;
  return and(
    eq(clinicalSystems.trustId, f.trustId),
    archiveCondition(clinicalSystems.archivedAt, f.status),
    pattern
      ? or(
          ilike(clinicalSystems.name, pattern),
          sql`exists (select 1 from jsonb_array_elements_text(${clinicalSystems.roles}) as role where role ilike ${pattern})`,
        )
      : undefined,
  );
}

export function createClinicalSystemsRepository({ db }: { db: DbOrTx }) {
  return {
    async list(
      f: SystemFilter,
      page: { sort: keyof typeof sortColumns; dir: "asc" | "desc"; limit: number; offset: number },
    ) {
      const order = page.dir === "desc" ? desc : asc;
      const items = await db
        .select()
        .from(clinicalSystems)
        .where(where(f))
        .orderBy(order(sortColumns[page.sort]), asc(clinicalSystems.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(clinicalSystems).where(where(f));
      return { items, total: total?.n ?? 0 };
    },
    /**
     * The trust's systems with these ids, locked against changes until the transaction ends (a
     * profile version made from them keeps roles that exist).
     */
    systemsForShare(trustId: string, ids: string[]) {
      return db
        .select()
        .from(clinicalSystems)
        .where(and(eq(clinicalSystems.trustId, trustId), inArray(clinicalSystems.id, ids)))
        .for("share");
    },
    /** The trust's system, locked for the change the transaction makes. */
    async findForUpdate(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(clinicalSystems)
        .where(and(eq(clinicalSystems.trustId, trustId), eq(clinicalSystems.id, id)))
        .for("update");
      return row;
    },
    /** Whether another system of the trust (archived ones too) has this name, whatever its case. */
    async nameTaken(trustId: string, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: clinicalSystems.id })
        .from(clinicalSystems)
        .where(
          and(
            eq(clinicalSystems.trustId, trustId),
            sql`lower(${clinicalSystems.name}) = lower(${name})`,
            exceptId ? ne(clinicalSystems.id, exceptId) : undefined,
          ),
        );
      return Boolean(row);
    },
    async insert(values: typeof clinicalSystems.$inferInsert) {
      const [row] = await db.insert(clinicalSystems).values(values).returning();
      return row as SystemRow;
    },
    async update(id: string, values: Partial<Pick<SystemRow, "name" | "roles" | "archivedAt">>) {
      const [row] = await db
        .update(clinicalSystems)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(clinicalSystems.id, id))
        .returning();
      return row as SystemRow;
    },
    /** The current versions of not archived profiles that give these systems, with their profession and role. */
    usesOf(systemIds: string[]) {
      if (systemIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          systemId: accessProfileItems.systemId,
          profileId: accessProfiles.id,
          professionName: professions.name,
          role: accessProfileItems.role,
        })
        .from(accessProfileItems)
        .innerJoin(accessProfileVersions, eq(accessProfileVersions.id, accessProfileItems.versionId))
        .innerJoin(
          accessProfiles,
          and(
            eq(accessProfiles.id, accessProfileVersions.profileId),
            eq(accessProfiles.version, accessProfileVersions.version),
          ),
        )
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(and(inArray(accessProfileItems.systemId, systemIds), isNull(accessProfiles.archivedAt)))
        .orderBy(asc(professions.name));
    },
  };
}
export type ClinicalSystemsRepository = ReturnType<typeof createClinicalSystemsRepository>;
