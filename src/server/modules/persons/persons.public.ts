import { type AnyColumn, and, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { persons } from "./persons.table.ts";

/**
 * What other modules may use of the persons module: its use-cases' type, the links it needs of the
 * feature that places persons (overviews), where a national ID is stored, and small reads.
 */
export type { MatchCandidate } from "./person-matching.ts";
export { nationalIdPlace } from "./person-records.ts";
export { noNationalId } from "./persons.errors.ts";
export type { KnownPerson, PersonLinks } from "./persons.links.ts";
export { createPersonsUsecases, type PersonsUsecases } from "./persons.usecases.ts";
export { anonymisePersons, personsHoldingData } from "./persons-retention.repository.ts";

/**
 * What a row shows of its person — whether they are transferred to HR, and their learning portal
 * state — as values inside the caller's statement (`personId` a column of the caller's table).
 */
export const registrationOf = (personId: SQL | AnyColumn) => ({
  hrTransferredAt: sql`(select ${persons.hrTransferredAt} from ${persons} where ${persons.id} = ${personId})`.mapWith(
    persons.hrTransferredAt,
  ) as SQL<Date | null>,
  learningPortalState: sql<
    string | null
  >`(select ${persons.learningPortalState} from ${persons} where ${persons.id} = ${personId})`,
});

/**
 * Whether the person `personId` (a column of the caller's table) is transferred to HR, as a
 * condition inside the caller's statement: the sheet counts of a list page are one statement.
 */
export const isTransferredToHr = (personId: SQL | AnyColumn): SQL =>
  sql`exists (select 1 from ${persons} where ${persons.id} = ${personId} and ${persons.hrTransferredAt} is not null)`;

/**
 * Marks the person registered (SPEC §3.1: a confirmed registration that needs nothing more) from
 * `at`, keeping an earlier mark, and stores the language they chose for later e-mail. The caller
 * authorizes, scopes `trustId` and audits.
 */
export async function markRegistered(
  db: DbOrTx,
  q: { trustId: string; personId: string; at: Date; language: string },
): Promise<void> {
  await db
    .update(persons)
    .set({
      registeredAt: sql`coalesce(${persons.registeredAt}, ${q.at.toISOString()}::timestamptz)`,
      language: q.language,
    })
    .where(and(eq(persons.trustId, q.trustId), eq(persons.id, q.personId)));
}
