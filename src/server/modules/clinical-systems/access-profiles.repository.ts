import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ArchiveFilter } from "../../../contracts/clinical-systems.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { professions } from "../catalog/catalog.table.ts";
import { users } from "../users/users.table.ts";
import { archiveCondition } from "./clinical-systems.repository.ts";
import {
  accessProfileItems,
  accessProfiles,
  accessProfileVersions,
  clinicalSystems,
} from "./clinical-systems.table.ts";

export type ProfileRow = typeof accessProfiles.$inferSelect;

export interface ProfileFilter {
  trustId: string;
  q?: string;
  professionId?: string;
  systemId?: string;
  status: ArchiveFilter;
}

const sortColumns = {
  profession: sql`lower(${professions.name})`,
  version: accessProfiles.version,
  updated: accessProfiles.updatedAt,
};

/** The current version of the profile in the outer query. */
const currentVersion = and(
  eq(accessProfileVersions.profileId, accessProfiles.id),
  eq(accessProfileVersions.version, accessProfiles.version),
);

/** Whether the current version of the profile gives a system that `condition` (on `clinical_systems`) holds for. */
const currentGives = (condition: SQL) =>
  sql`exists (select 1 from ${accessProfileVersions}
    join ${accessProfileItems} on ${accessProfileItems.versionId} = ${accessProfileVersions.id}
    join ${clinicalSystems} on ${clinicalSystems.id} = ${accessProfileItems.systemId}
    where ${currentVersion} and ${condition})`;

function where(f: ProfileFilter): SQL | undefined {
  const pattern = f.q ? containsPattern(f.q) : null;
  return and(
    eq(accessProfiles.trustId, f.trustId),
    archiveCondition(accessProfiles.archivedAt, f.status),
    f.professionId ? eq(accessProfiles.professionId, f.professionId) : undefined,
    f.systemId ? currentGives(eq(clinicalSystems.id, f.systemId)) : undefined,
    pattern ? or(ilike(professions.name, pattern), currentGives(ilike(clinicalSystems.name, pattern))) : undefined,
  );
}

const profileColumns = { profile: accessProfiles, professionName: professions.name };
const versionColumns = {
  id: accessProfileVersions.id,
  profileId: accessProfileVersions.profileId,
  version: accessProfileVersions.version,
  limits: accessProfileVersions.limits,
  note: accessProfileVersions.note,
  createdAt: accessProfileVersions.createdAt,
  createdBy: users.name,
};
export interface VersionRow {
  id: string;
  profileId: string;
  version: number;
  limits: string;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

export function createAccessProfilesRepository({ db }: { db: DbOrTx }) {
  const versions = () =>
    db
      .select(versionColumns)
      .from(accessProfileVersions)
      .leftJoin(users, eq(users.id, accessProfileVersions.createdBy));

  return {
    async list(
      f: ProfileFilter,
      page: { sort: keyof typeof sortColumns; dir: "asc" | "desc"; limit: number; offset: number },
    ) {
      const order = page.dir === "desc" ? desc : asc;
      const items = await db
        .select(profileColumns)
        .from(accessProfiles)
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(where(f))
        .orderBy(order(sortColumns[page.sort]), asc(accessProfiles.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(accessProfiles)
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(where(f));
      return { items, total: total?.n ?? 0 };
    },
    /** The trust's profile; `lock` holds it for the change (a new version's number) the transaction makes. */
    async find(trustId: string, id: string, { lock = false } = {}) {
      const query = db
        .select(profileColumns)
        .from(accessProfiles)
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(and(eq(accessProfiles.trustId, trustId), eq(accessProfiles.id, id)));
      const [row] = await (lock ? query.for("update", { of: accessProfiles }) : query);
      return row;
    },
    /** The profession's profile that is not archived, if any (`exceptId` aside). */
    async currentOf(trustId: string, professionId: string, exceptId?: string) {
      const [row] = await db
        .select({ id: accessProfiles.id })
        .from(accessProfiles)
        .where(
          and(
            eq(accessProfiles.trustId, trustId),
            eq(accessProfiles.professionId, professionId),
            isNull(accessProfiles.archivedAt),
            exceptId ? sql`${accessProfiles.id} <> ${exceptId}` : undefined,
          ),
        );
      return row;
    },
    /** The current versions of these profiles. */
    currentVersions(profileIds: string[]): Promise<VersionRow[]> {
      if (profileIds.length === 0) return Promise.resolve([]);
      return versions()
        .innerJoin(accessProfiles, currentVersion)
        .where(inArray(accessProfileVersions.profileId, profileIds));
    },
    /** Every version of a profile, newest first. */
    allVersions(profileId: string): Promise<VersionRow[]> {
      return versions()
        .where(eq(accessProfileVersions.profileId, profileId))
        .orderBy(desc(accessProfileVersions.version));
    },
    /** The items of these versions in their order, with their systems as they are now. */
    items(versionIds: string[]) {
      if (versionIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          versionId: accessProfileItems.versionId,
          systemId: accessProfileItems.systemId,
          role: accessProfileItems.role,
          systemName: clinicalSystems.name,
          systemRoles: clinicalSystems.roles,
          systemArchivedAt: clinicalSystems.archivedAt,
        })
        .from(accessProfileItems)
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, accessProfileItems.systemId))
        .where(inArray(accessProfileItems.versionId, versionIds))
        .orderBy(asc(accessProfileItems.position));
    },
    async insertProfile(values: typeof accessProfiles.$inferInsert) {
      const [row] = await db.insert(accessProfiles).values(values).returning();
      return row as ProfileRow;
    },
    async update(id: string, values: Partial<Pick<ProfileRow, "version" | "archivedAt">>) {
      await db
        .update(accessProfiles)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(accessProfiles.id, id));
    },
    /** A new version with its items, in the order given. */
    async insertVersion(
      values: typeof accessProfileVersions.$inferInsert,
      items: readonly { systemId: string; role: string }[],
    ) {
      const [row] = await db.insert(accessProfileVersions).values(values).returning({ id: accessProfileVersions.id });
      const versionId = (row as { id: string }).id;
      await db
        .insert(accessProfileItems)
        .values(items.map((item, position) => ({ versionId, systemId: item.systemId, role: item.role, position })));
      return versionId;
    },
  };
}
export type AccessProfilesRepository = ReturnType<typeof createAccessProfilesRepository>;
