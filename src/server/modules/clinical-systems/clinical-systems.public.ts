import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { accessProfiles } from "./clinical-systems.table.ts";

/** What other modules may use of the clinical-systems module: its use-cases, and whether a profession has a profile. */
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
