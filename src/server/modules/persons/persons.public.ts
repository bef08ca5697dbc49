import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf, chunkedByParameters } from "../../shared/sql-sets.ts";
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
 * The persons transferred to HR, as a subquery the caller joins on `id` (a left join counts a row's
 * person as transferred when it finds one). The sheet counts of a list page are one statement; the
 * join reads the `persons_transferred` index and costs what the listed rows cost, not the region.
 */
export const transferredToHr = (db: DbOrTx) =>
  db.select({ id: persons.id }).from(persons).where(isNotNull(persons.hrTransferredAt)).as("transferred");

/** Whether one person is registered, and the language their registration chose (for later e-mail). */
export interface RegisteredMark {
  personId: string;
  registered: boolean;
  language?: string | null;
  /** The e-mail address the registration confirmed, and when: it becomes the person's. */
  confirmedEmail?: { email: string; at: Date } | null;
}

/**
 * The one way to set or clear when persons registered (SPEC §3.1; their Registrert cells say
 * "Registrert, ikke overført"): a person `registered` keeps an earlier mark or gets `at`, and stores
 * the `language` when given, and the `confirmedEmail` as the person's confirmed address; one not
 * `registered` loses the mark (the address stays). Two statements for any number of persons
 * of the trust. Returns each changed person with the columns that changed, for the caller's audit
 * rows; the caller authorizes and audits.
 */
export async function setRegistered(
  db: DbOrTx,
  trustId: string,
  marks: RegisteredMark[],
  at: Date,
): Promise<{ personId: string; fields: ("registered_at" | "language" | "email" | "email_confirmed_at")[] }[]> {
  const byPerson = new Map(marks.map((m) => [m.personId, m]));
  if (byPerson.size === 0) return [];
  const current = new Map(
    (
      await db
        .select({
          id: persons.id,
          registeredAt: persons.registeredAt,
          language: persons.language,
          email: persons.email,
          emailConfirmedAt: persons.emailConfirmedAt,
        })
        .from(persons)
        .where(and(eq(persons.trustId, trustId), anyOf(persons.id, [...byPerson.keys()], "uuid")))
        .for("update")
    ).map((p) => [p.id, p]),
  );
  const changes = [...byPerson.values()].flatMap((m) => {
    const p = current.get(m.personId);
    if (!p) return [];
    const registeredAt = m.registered ? (p.registeredAt ?? at) : null;
    const language = m.language ?? p.language;
    const confirmed = m.registered ? m.confirmedEmail : null;
    const email = confirmed?.email ?? p.email;
    const emailConfirmedAt =
      confirmed && (confirmed.email !== p.email || !p.emailConfirmedAt) ? confirmed.at : p.emailConfirmedAt;
    const fields = [
      ...((registeredAt === null) !== (p.registeredAt === null) ? (["registered_at"] as const) : []),
      ...(language !== p.language ? (["language"] as const) : []),
      ...(email !== p.email ? (["email"] as const) : []),
      ...(emailConfirmedAt !== p.emailConfirmedAt ? (["email_confirmed_at"] as const) : []),
    ];
    return fields.length > 0 ? [{ personId: m.personId, registeredAt, language, email, emailConfirmedAt, fields }] : [];
  });
  for (const part of chunkedByParameters(changes, 5)) {
    const values = sql.join(
      part.map(
        (c) =>
          sql`(${c.personId}::uuid, ${c.registeredAt?.toISOString() ?? null}::timestamptz, ${c.language}::text, ${c.email}::text, ${c.emailConfirmedAt?.toISOString() ?? null}::timestamptz)`,
      ),
      sql`, `,
    );
    await db.execute(
      sql`update ${persons} set registered_at = v.at, language = v.language, email = v.email,
          email_confirmed_at = v.confirmed_at, updated_at = ${at.toISOString()}::timestamptz
        from (values ${values}) as v(id, at, language, email, confirmed_at) where ${persons.id} = v.id`,
    );
  }
  return changes.map(({ personId, fields }) => ({ personId, fields }));
}

/** A person of the trust (not anonymised), or undefined: what a registration may be matched to. */
export async function findPersonOfTrust(db: DbOrTx, trustId: string, personId: string) {
  const [row] = await db
    .select({ id: persons.id, registeredAt: persons.registeredAt, hrTransferredAt: persons.hrTransferredAt })
    .from(persons)
    .where(and(eq(persons.trustId, trustId), eq(persons.id, personId), isNull(persons.anonymisedAt)));
  return row;
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

/**
 * Records the username the IT provider gave persons who have no national ID (those with one keep it
 * in the orders module's `usernames`, shared across trusts): one statement for any number of them.
 * The caller authorizes and audits.
 */
export async function setPersonUsernames(db: DbOrTx, entries: { personId: string; username: string }[], at: Date) {
  if (entries.length === 0) return;
  await db.execute(sql`
    update ${persons} set username = u.username, updated_at = ${at.toISOString()}::timestamptz
    from unnest(${sql.param(entries.map((e) => e.personId))}::uuid[], ${sql.param(entries.map((e) => e.username))}::text[]) as u(id, username)
    where ${persons.id} = u.id and ${persons.nationalIdHash} is null`);
}

/**
 * These persons of the trust (not anonymised) with their Læringsportalen state, locked for the
 * caller's transaction (the learning-portal module's batches and marks): one statement.
 */
export function lockLearningPortalPersons(db: DbOrTx, trustId: string, personIds: string[]) {
  return db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      learningPortalState: persons.learningPortalState,
    })
    .from(persons)
    .where(and(eq(persons.trustId, trustId), anyOf(persons.id, personIds, "uuid"), isNull(persons.anonymisedAt)))
    .orderBy(persons.id)
    .for("update");
}

/** Sets these persons' Læringsportalen state (`requested`, `created`): one statement; the caller authorizes and audits. */
export async function setLearningPortalState(
  db: DbOrTx,
  trustId: string,
  personIds: string[],
  state: "requested" | "created",
  at: Date,
) {
  if (personIds.length === 0) return;
  await db
    .update(persons)
    .set({ learningPortalState: state, updatedAt: at })
    .where(and(eq(persons.trustId, trustId), anyOf(persons.id, personIds, "uuid")));
}
