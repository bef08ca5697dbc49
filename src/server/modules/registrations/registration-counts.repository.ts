import { and, count, countDistinct, eq, gte, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { todayInOslo } from "../../../domain/dates.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { overviews, placementRows, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { campaigns, registrations } from "./registrations.table.ts";

/** A campaign's columns a missing-students condition needs. */
type CampaignColumns = Pick<
  typeof campaigns,
  "trustId" | "institutionId" | "overviewId" | "sheetId" | "createdAt" | "id" | "deadline" | "closedAt"
>;

/**
 * The rows whose students a campaign asks to register, as a condition on `placement_rows` joined to
 * its sheet and overview: the campaign's sheet; for a campaign tied to no sheet, the sheets (of its
 * document, or of every document of its institution) that start after the campaign opened.
 */
export const campaignRowsOf = (c: CampaignColumns): SQL =>
  and(
    eq(overviews.trustId, c.trustId),
    eq(overviews.institutionId, c.institutionId),
    isNull(placementRows.anonymisedAt),
    sql`(case when ${c.sheetId} is not null then ${sheets.id} = ${c.sheetId}
      else ${sheets.startDate} > (${c.createdAt} at time zone 'Europe/Oslo')::date
        and (${c.overviewId} is null or ${overviews.id} = ${c.overviewId}) end)`,
  ) as SQL;

/**
 * Whether the row's student has not registered: no person, or a person without a registration
 * whose e-mail is confirmed (an unconfirmed one counts as not registered) and not registered by
 * another way (persons.registered_at, e.g. Webcruiter).
 */
export const rowNotRegistered: SQL = sql`(${placementRows.personId} is null or (
  not exists (select 1 from ${persons} where ${persons.id} = ${placementRows.personId} and ${persons.registeredAt} is not null)
  and not exists (select 1 from ${registrations} where ${registrations.personId} = ${placementRows.personId}
    and ${registrations.emailConfirmedAt} is not null)))`;

/** Campaigns whose link is open on `today` (Europe/Oslo): not closed, the deadline not passed. */
export const openCampaign = (today: string): SQL =>
  and(isNull(campaigns.closedAt), gte(campaigns.deadline, today)) as SQL;

/** A registration that is no waiting change to a known one. */
const notWaiting = or(isNull(registrations.supersedesId), isNotNull(registrations.appliedAt));

/** The registrations' numbers of the start page, each one count query scoped as its list is. */
export function createRegistrationCounts(deps: { db: DbOrTx; clock: Clock }) {
  const { db, clock } = deps;
  const countOf = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;

  return {
    /**
     * Confirmed registrations of the trust that match no person with rows yet (FOU's matching view).
     * A registration without a person has no rows either (`= null` finds none), so one `not exists`
     * says both; written with an `or`, PostgreSQL could not make it an anti-join and hashed every
     * row of the region (102 ms at full scale, against 10 ms as a merge of two indexes:
     * `registrations_confirmed`, `placement_rows_live_person`).
     */
    async unmatched(actor: Actor): Promise<number> {
      const trustId = requirePolicy(actor, "registrations.match");
      return countOf(
        db
          .select({ n: count() })
          .from(registrations)
          .where(
            and(
              eq(registrations.trustId, trustId),
              isNotNull(registrations.emailConfirmedAt),
              notWaiting,
              sql`not exists (select 1 from ${placementRows} where ${placementRows.personId} = ${registrations.personId}
                and ${placementRows.anonymisedAt} is null)`,
            ),
          ),
      );
    },

    /** Registrations of the trust whose e-mail is not confirmed yet. */
    async unconfirmed(actor: Actor): Promise<number> {
      const trustId = requirePolicy(actor, "registrations.match");
      return countOf(
        db
          .select({ n: count() })
          .from(registrations)
          .where(and(eq(registrations.trustId, trustId), isNull(registrations.emailConfirmedAt), notWaiting)),
      );
    },

    /** Persons of the trust registered and not yet transferred to HR. */
    async readyForHrTransfer(actor: Actor): Promise<number> {
      const trustId = requirePolicy(actor, "hrTransfer.manage");
      return countOf(
        db
          .select({ n: count() })
          .from(persons)
          .where(and(eq(persons.trustId, trustId), isNotNull(persons.registeredAt), isNull(persons.hrTransferredAt))),
      );
    },

    /**
     * The coordinator's students (their institutions') not registered for an open campaign, each
     * once, and the open campaigns asking: the start page links the one campaign's missing list.
     */
    async studentsNotRegistered(actor: Actor): Promise<{ count: number; campaignIds: string[] }> {
      const trustId = requirePolicy(actor, "start.registrationsMissing");
      if (actor.institutionIds.length === 0) return { count: 0, campaignIds: [] };
      const scope = and(
        eq(campaigns.trustId, trustId),
        inArray(campaigns.institutionId, actor.institutionIds),
        openCampaign(todayInOslo(clock.now())),
      );
      const [row] = await db
        .select({
          n: countDistinct(sql`coalesce(${placementRows.personId}, ${placementRows.id})`),
          campaignIds: sql<string[]>`coalesce(array_agg(distinct ${campaigns.id}::text), '{}')`,
        })
        .from(campaigns)
        .innerJoin(overviews, eq(overviews.institutionId, campaigns.institutionId))
        .innerJoin(sheets, eq(sheets.overviewId, overviews.id))
        .innerJoin(placementRows, eq(placementRows.sheetId, sheets.id))
        .where(and(scope, campaignRowsOf(campaigns), rowNotRegistered));
      return { count: row?.n ?? 0, campaignIds: row?.campaignIds ?? [] };
    },
  };
}
export type RegistrationCounts = ReturnType<typeof createRegistrationCounts>;
