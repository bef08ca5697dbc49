import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf, chunked } from "../../shared/sql-sets.ts";
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

/** What a row shows of its person: whether they are transferred to HR, and their learning portal state. */
export async function registrationOf(
  db: DbOrTx,
  ids: (string | null)[],
): Promise<Map<string, { hrTransferredAt: Date | null; learningPortalState: string | null }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const out = new Map<string, { hrTransferredAt: Date | null; learningPortalState: string | null }>();
  for (const part of chunked(wanted, 5000)) {
    const rows = await db
      .select({
        id: persons.id,
        hrTransferredAt: persons.hrTransferredAt,
        learningPortalState: persons.learningPortalState,
      })
      .from(persons)
      .where(anyOf(persons.id, part, "uuid"));
    for (const r of rows)
      out.set(r.id, { hrTransferredAt: r.hrTransferredAt, learningPortalState: r.learningPortalState });
  }
  return out;
}

/**
 * Whether the person `personId` (a column of the caller's table) is transferred to HR, as a
 * condition inside the caller's statement: the sheet counts of a list page are one statement.
 */
export const isTransferredToHr = (personId: SQL | { getSQL(): SQL }): SQL =>
  sql`exists (select 1 from ${persons} where ${persons.id} = ${personId} and ${persons.hrTransferredAt} is not null)`;
