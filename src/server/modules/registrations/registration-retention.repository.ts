import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { addDays, type IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { placementRows } from "../overviews/overviews.table.ts";
import { idportenIdentities, idportenLogins } from "./idporten.table.ts";
import { campaigns, registrations } from "./registrations.table.ts";

/**
 * Deletes the trust's registrations that never matched a placement row (no person, or a person
 * without rows, and no row matched by hand) once `days` have passed since their campaign's
 * deadline; their single-purpose links go with them. Answers what was deleted, for the audit trail.
 */
export async function deleteUnmatchedRegistrations(
  tx: DbOrTx,
  input: { trustId: string; today: IsoDate; days: number },
): Promise<{ id: string; institutionId: string }[]> {
  const lastDeadline = addDays(input.today, -input.days - 1);
  const pastDeadline = sql`${registrations.campaignId} in (select ${campaigns.id} from ${campaigns}
    where ${campaigns.trustId} = ${input.trustId} and ${campaigns.deadline} <= ${lastDeadline})`;
  const withoutRows = sql`(${registrations.personId} is null or not exists (select 1 from ${placementRows}
    where ${placementRows.personId} = ${registrations.personId}))`;
  return tx
    .delete(registrations)
    .where(and(eq(registrations.trustId, input.trustId), isNull(registrations.matchedRowId), pastDeadline, withoutRows))
    .returning({ id: registrations.id, institutionId: registrations.institutionId });
}

/** Deletes ID-porten sign-ins and verified identities past their time (minutes; the form never took them). */
export async function deleteExpiredIdporten(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(idportenLogins).where(lt(idportenLogins.expiresAt, now));
  await db.delete(idportenIdentities).where(lt(idportenIdentities.expiresAt, now));
}
