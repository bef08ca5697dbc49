import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf, chunkedByParameters } from "../../shared/sql-sets.ts";
import { placementRows } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { registrations, registrationTokens } from "./registrations.table.ts";
import { needsConfirmationOf } from "./registrations-staff.repository.ts";

export type RegistrationRow = typeof registrations.$inferSelect;
export type TokenPurpose = "confirm_email" | "personal_page" | "confirm_change";

/** Where a registration's national ID is stored: its ciphertext decrypts only there. */
export const registrationNationalIdPlace = (id: string) => ({
  table: "registrations",
  column: "national_id_enc",
  id,
});

/** A registration that is one (not a change to another one that still waits for its confirmation). */
export const isLive = or(isNull(registrations.supersedesId), sql`${registrations.appliedAt} is not null`) as SQL;

/** Whether the registration's person has placement rows that are not anonymised. */
const personHasRows = sql<boolean>`exists (select 1 from ${placementRows} where ${placementRows.personId} = ${registrations.personId} and ${placementRows.anonymisedAt} is null)`;

/**
 * The derived state (`registrationState` in the domain) as SQL, for counts and filters: needs
 * `persons` left-joined on the registration's person.
 */
export const registrationStateSql = sql<string>`case
  when ${registrations.emailConfirmedAt} is null then 'unconfirmed'
  when ${registrations.personId} is null then 'confirmed'
  when ${persons.hrTransferredAt} is not null then 'transferred'
  when ${personHasRows} then 'matched'
  else 'confirmed' end`;

/**
 * Whether a registration makes its person registered (domain rule `countsAsRegistered`): its e-mail
 * confirmed, a registration of its own (not a change FOU applied to the one it superseded) and
 * nothing waiting for a confirmation — a typed national ID waits only once the person has rows to
 * compare its e-mail with (`needsConfirmation`).
 */
const holds = sql<boolean>`(${registrations.emailConfirmedAt} is not null
  and (${registrations.supersedesId} is null or (${registrations.appliedAt} is not null and ${registrations.fouConfirmedAt} is null))
  and not (${needsConfirmationOf} and ${personHasRows}))`;

export function createRegistrationsRepository({ db }: { db: DbOrTx }) {
  return {
    async insert(values: typeof registrations.$inferInsert) {
      const [row] = await db.insert(registrations).values(values).returning();
      return row as RegistrationRow;
    },
    async find(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(registrations)
        .where(and(eq(registrations.trustId, trustId), eq(registrations.id, id)));
      return row;
    },
    async update(id: string, values: Partial<typeof registrations.$inferInsert>) {
      const [row] = await db
        .update(registrations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(registrations.id, id))
        .returning();
      return row as RegistrationRow;
    },
    async delete(id: string) {
      await db.delete(registrations).where(eq(registrations.id, id));
    },
    /** The newest registration of the trust with this national ID that is one (not a waiting change). */
    async findLatestByNationalIdHash(trustId: string, hash: string) {
      const [row] = await db
        .select()
        .from(registrations)
        .where(and(eq(registrations.trustId, trustId), eq(registrations.nationalIdHash, hash), isLive))
        .orderBy(desc(registrations.createdAt), desc(registrations.id))
        .limit(1);
      return row;
    },
    /** A live registration of the campaign with this national ID (keyed hash) or this e-mail address. */
    async findLiveInCampaign(campaignId: string, keys: { nationalIdHash: string | null; email: string }) {
      const [row] = await db
        .select()
        .from(registrations)
        .where(
          and(
            eq(registrations.campaignId, campaignId),
            isLive,
            keys.nationalIdHash
              ? or(eq(registrations.nationalIdHash, keys.nationalIdHash), eq(registrations.email, keys.email))
              : eq(registrations.email, keys.email),
          ),
        )
        .limit(1);
      return row;
    },
    /** Live registrations of the campaigns with this e-mail address. */
    findByEmail(campaignIds: string[], email: string) {
      if (campaignIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(registrations)
        .where(and(inArray(registrations.campaignId, campaignIds), eq(registrations.email, email), isLive))
        .orderBy(desc(registrations.createdAt));
    },
    /** Counts by state per campaign (live registrations only). */
    async countsByCampaign(campaignIds: string[]) {
      if (campaignIds.length === 0) return [];
      return db
        .select({
          campaignId: registrations.campaignId,
          state: registrationStateSql,
          n: sql<number>`count(*)::int`,
        })
        .from(registrations)
        .leftJoin(persons, eq(persons.id, registrations.personId))
        .where(and(inArray(registrations.campaignId, campaignIds), isLive))
        .groupBy(registrations.campaignId, registrationStateSql);
    },
    /**
     * The institution's confirmed registrations still without a person, without a national ID and not
     * unmatched by FOU, whose e-mail, or name and birth date, is on a live row of one of these persons.
     */
    unmatchedNamedBy(q: { trustId: string; institutionId: string; personIds: string[] }) {
      if (q.personIds.length === 0) return Promise.resolve([]);
      const named = sql`select 1 from ${placementRows} where ${anyOf(placementRows.personId, q.personIds, "uuid")}
        and ${placementRows.anonymisedAt} is null
        and (${placementRows.email} = ${registrations.email}
          or (${placementRows.lastName} = ${registrations.lastName} and ${placementRows.firstName} = ${registrations.firstName}
            and ${placementRows.birthDate} = ${registrations.birthDate}))`;
      return db
        .select()
        .from(registrations)
        .where(
          and(
            eq(registrations.trustId, q.trustId),
            eq(registrations.institutionId, q.institutionId),
            isNull(registrations.personId),
            isNull(registrations.unmatchedAt),
            isNull(registrations.nationalIdHash),
            isNotNull(registrations.emailConfirmedAt),
            isLive,
            sql`exists (${named})`,
          ),
        );
    },
    /** Gives registrations their persons (automatic matches), one statement per part. */
    async setMatches(matches: { id: string; personId: string; by: string }[], at: Date) {
      for (const part of chunkedByParameters(matches, 3)) {
        const values = sql.join(
          part.map((m) => sql`(${m.id}::uuid, ${m.personId}::uuid, ${m.by}::text)`),
          sql`, `,
        );
        await db.execute(
          sql`update ${registrations} set person_id = v.person_id, matched_by = v.by, matched_at = ${at.toISOString()}::timestamptz,
            updated_at = ${at.toISOString()}::timestamptz from (values ${values}) as v(id, person_id, by) where ${registrations.id} = v.id`,
        );
      }
    },
    /**
     * Per person of these with a registration: whether one of their registrations makes them
     * registered, and the language of the newest that does.
     */
    registeredBy(trustId: string, personIds: string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          personId: sql<string>`${registrations.personId}`,
          holds: sql<boolean>`bool_or(${holds})`,
          language: sql<
            string | null
          >`(array_agg(${registrations.language}::text order by ${registrations.createdAt} desc) filter (where ${holds}))[1]`,
          email: sql<
            string | null
          >`(array_agg(${registrations.email} order by ${registrations.createdAt} desc) filter (where ${holds}))[1]`,
          /** Milliseconds since the epoch (a timestamp inside an aggregate is not mapped to a Date). */
          emailConfirmedAt: sql<
            number | null
          >`(extract(epoch from (array_agg(${registrations.emailConfirmedAt} order by ${registrations.createdAt} desc) filter (where ${holds}))[1]) * 1000)::float8`,
        })
        .from(registrations)
        .where(and(eq(registrations.trustId, trustId), anyOf(registrations.personId, personIds, "uuid")))
        .groupBy(registrations.personId);
    },
    /** The e-mail addresses on the person's live rows, and whether there are any rows. */
    async rowsOfPerson(personId: string) {
      const rows = await db
        .select({ email: placementRows.email })
        .from(placementRows)
        .where(and(eq(placementRows.personId, personId), isNull(placementRows.anonymisedAt)));
      return { hasRows: rows.length > 0, emails: [...new Set(rows.map((r) => r.email).filter((e) => e !== ""))] };
    },
    /** The registration's person's transfer to HR, if any. */
    async personTransferredAt(personId: string) {
      const [row] = await db.select({ at: persons.hrTransferredAt }).from(persons).where(eq(persons.id, personId));
      return row?.at ?? null;
    },

    async insertToken(values: { registrationId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date }) {
      await db.insert(registrationTokens).values(values);
    },
    /** The token with this hash and purpose, whatever its state (the caller checks expiry and use). */
    async findToken(hash: string, purposes: TokenPurpose[]) {
      const [row] = await db
        .select({ token: registrationTokens, registration: registrations })
        .from(registrationTokens)
        .innerJoin(registrations, eq(registrations.id, registrationTokens.registrationId))
        .where(and(eq(registrationTokens.tokenHash, hash), inArray(registrationTokens.purpose, purposes)));
      return row;
    },
    async useToken(id: string, at: Date) {
      await db.update(registrationTokens).set({ usedAt: at }).where(eq(registrationTokens.id, id));
    },
    /** Replaces a registration's tokens of one purpose (a resend makes the old links stop working). */
    async deleteTokens(registrationId: string, purpose: TokenPurpose) {
      await db
        .delete(registrationTokens)
        .where(and(eq(registrationTokens.registrationId, registrationId), eq(registrationTokens.purpose, purpose)));
    },
  };
}
export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;

/** Which of these persons hold a national ID, and which are anonymised (read-only, for matching). */
export async function personKeysOf(db: DbOrTx, trustId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: persons.id, nationalIdHash: persons.nationalIdHash, anonymisedAt: persons.anonymisedAt })
    .from(persons)
    .where(and(eq(persons.trustId, trustId), inArray(persons.id, personIds)));
}
