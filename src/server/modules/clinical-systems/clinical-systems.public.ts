import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import {
  accessProfileItems,
  accessProfiles,
  accessProfileVersions,
  clinicalSystems,
} from "./clinical-systems.table.ts";

/**
 * What other modules may use of the clinical-systems module: its use-cases, whether a profession has
 * a profile, and the trust's current profiles (for ordering).
 */
export { type AccessProfilesUsecases, createAccessProfilesUsecases } from "./access-profiles.usecases.ts";
export { type ClinicalSystemsUsecases, createClinicalSystemsUsecases } from "./clinical-systems.usecases.ts";

/** Whether the trust has an access profile (archived ones too) for the profession. */
export async function professionHasProfile(db: DbOrTx, trustId: string, professionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accessProfiles.id })
    .from(accessProfiles)
    .where(and(eq(accessProfiles.trustId, trustId), eq(accessProfiles.professionId, professionId)))
    .limit(1);
  return Boolean(row);
}

/** A current profile as ordering reads it: its current version's items (with the systems' names) and limits. */
export interface CurrentProfileOfTrust {
  professionId: string;
  versionId: string;
  version: number;
  limits: string;
  items: { systemId: string; systemName: string; role: string }[];
}

/** The trust's current access profiles (not archived), each with its current version: one statement. */
export async function currentProfilesOf(db: DbOrTx, trustId: string): Promise<CurrentProfileOfTrust[]> {
  const rows = await db
    .select({
      professionId: accessProfiles.professionId,
      versionId: accessProfileVersions.id,
      version: accessProfileVersions.version,
      limits: accessProfileVersions.limits,
      systemId: accessProfileItems.systemId,
      systemName: clinicalSystems.name,
      role: accessProfileItems.role,
    })
    .from(accessProfiles)
    .innerJoin(
      accessProfileVersions,
      and(
        eq(accessProfileVersions.profileId, accessProfiles.id),
        eq(accessProfileVersions.version, accessProfiles.version),
      ),
    )
    .innerJoin(accessProfileItems, eq(accessProfileItems.versionId, accessProfileVersions.id))
    .innerJoin(clinicalSystems, eq(clinicalSystems.id, accessProfileItems.systemId))
    .where(and(eq(accessProfiles.trustId, trustId), isNull(accessProfiles.archivedAt)))
    .orderBy(asc(accessProfiles.id), asc(accessProfileItems.position));
  const byVersion = new Map<string, CurrentProfileOfTrust>();
  for (const r of rows) {
    let profile = byVersion.get(r.versionId);
    if (!profile) {
      profile = {
        professionId: r.professionId,
        versionId: r.versionId,
        version: r.version,
        limits: r.limits,
        items: [],
      };
      byVersion.set(r.versionId, profile);
    }
    profile.items.push({ systemId: r.systemId, systemName: r.systemName, role: r.role });
  }
  return [...byVersion.values()];
}
