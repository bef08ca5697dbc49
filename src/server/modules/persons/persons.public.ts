import { type AnyColumn, and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
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
 * What a row shows of its person — whether they are registered and transferred to HR, and their
 * learning portal state — as values inside the caller's statement (`personId` a column of the caller's table).
 */
export const registrationOf = (personId: SQL | AnyColumn) => ({
  registeredAt: sql`(select ${persons.registeredAt} from ${persons} where ${persons.id} = ${personId})`.mapWith(
    persons.registeredAt,
  ) as SQL<Date | null>,
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

/** A person of the trust (not anonymised), or undefined: what a registration may be matched to. */
export async function findPersonOfTrust(db: DbOrTx, trustId: string, personId: string) {
  const [row] = await db
    .select({ id: persons.id, registeredAt: persons.registeredAt, hrTransferredAt: persons.hrTransferredAt })
    .from(persons)
    .where(and(eq(persons.trustId, trustId), eq(persons.id, personId), isNull(persons.anonymisedAt)));
  return row;
}

/**
 * Sets (a moment) or clears (null) when the person registered (SPEC §3.1): their Registrert cells say
 * "Registrert, ikke overført". Returns whether it changed, for the caller's audit row.
 */
export async function setRegisteredAt(db: DbOrTx, trustId: string, personId: string, at: Date | null) {
  const changed = await db
    .update(persons)
    .set({ registeredAt: at, updatedAt: new Date() })
    .where(
      and(
        eq(persons.trustId, trustId),
        eq(persons.id, personId),
        at ? isNull(persons.registeredAt) : sql`${persons.registeredAt} is not null`,
      ),
    )
    .returning({ id: persons.id });
  return changed.length > 0;
}

/** Marks these persons of the trust transferred to HR (their rows turn green); returns those that changed. */
export async function markTransferredToHr(db: DbOrTx, trustId: string, personIds: string[], at: Date) {
  if (personIds.length === 0) return [];
  const changed = await db
    .update(persons)
    .set({ hrTransferredAt: at, updatedAt: at })
    .where(and(eq(persons.trustId, trustId), anyOf(persons.id, personIds, "uuid"), isNull(persons.hrTransferredAt)))
    .returning({ id: persons.id });
  return changed.map((r) => r.id);
}
