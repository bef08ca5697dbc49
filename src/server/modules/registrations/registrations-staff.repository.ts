import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { RegistrationState } from "../../../contracts/registrations.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { overviews, placementRows, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { campaigns, registrations } from "./registrations.table.ts";

/** Which campaigns a caller sees: the trust's, or only those of the institutions they coordinate. */
export interface CampaignScope {
  trustId: string;
  /** Null: the whole trust. */
  institutionIds: string[] | null;
}

const liveRowOf = (personId: SQL | typeof registrations.personId) =>
  sql`select 1 from ${placementRows} where ${placementRows.personId} = ${personId} and ${placementRows.anonymisedAt} is null`;

/** The derived state of a registration (never stored): unconfirmed → confirmed → matched → transferred. */
export const stateOf = sql<RegistrationState>`(case
  when ${registrations.emailConfirmedAt} is null then 'unconfirmed'
  when ${persons.hrTransferredAt} is not null then 'transferred'
  when exists (${liveRowOf(registrations.personId)}) then 'matched'
  else 'confirmed' end)`;

/**
 * Whether the registration waits for a confirmation: a waiting change to a known registration, or a
 * match by a typed national ID whose e-mail is on none of the person's rows (not ID-porten, not FOU);
 * a person without rows has nothing to compare with (the domain's `needsConfirmation`).
 */
export const needsConfirmationOf = sql<boolean>`coalesce(((${registrations.supersedesId} is not null and ${registrations.appliedAt} is null)
  or (${registrations.matchedBy} = 'national_id' and ${registrations.verifiedAt} is null
    and ${registrations.fouConfirmedAt} is null
    and exists (${liveRowOf(registrations.personId)})
    and not exists (${liveRowOf(registrations.personId)} and lower(${placementRows.email}) = ${registrations.email}))), false)`;

/** A change already applied to the registration it superseded is no registration of its own any more. */
const notApplied = sql`not (${registrations.supersedesId} is not null and ${registrations.appliedAt} is not null)`;

const registrationColumns = {
  registration: registrations,
  state: stateOf,
  needsConfirmation: needsConfirmationOf,
};
export type RegistrationRecord = typeof registrations.$inferSelect;
export interface RegistrationRow {
  registration: RegistrationRecord;
  state: RegistrationState;
  needsConfirmation: boolean;
}

export const campaignInScope = (scope: CampaignScope) =>
  and(
    eq(campaigns.trustId, scope.trustId),
    scope.institutionIds ? inArray(campaigns.institutionId, scope.institutionIds) : undefined,
  );

/**
 * The rows a campaign expects registrations for: those of its sheet, else of its document, else of
 * its institution's sheets that start after the campaign was created; never anonymised rows.
 */
const expectedRows = (campaign: typeof campaigns.$inferSelect) =>
  and(
    eq(overviews.trustId, campaign.trustId),
    eq(overviews.institutionId, campaign.institutionId),
    isNull(placementRows.anonymisedAt),
    campaign.sheetId
      ? eq(sheets.id, campaign.sheetId)
      : campaign.overviewId
        ? eq(overviews.id, campaign.overviewId)
        : sql`${sheets.startDate} >= (${campaign.createdAt.toISOString()}::timestamptz at time zone 'Europe/Oslo')::date`,
  );

export function createStaffRegistrationsRepository({ db }: { db: DbOrTx }) {
  const selectRegistrations = () =>
    db.select(registrationColumns).from(registrations).leftJoin(persons, eq(persons.id, registrations.personId));
  return {
    async findCampaign(scope: CampaignScope, id: string) {
      const [row] = await db
        .select()
        .from(campaigns)
        .where(and(campaignInScope(scope), eq(campaigns.id, id)));
      return row;
    },

    async listRegistrations(
      campaignId: string,
      q: {
        state?: RegistrationState;
        unmatched?: boolean;
        needsConfirmation?: boolean;
        q?: string;
        sort: "name" | "created" | "state";
        dir: "asc" | "desc";
        limit: number;
        offset: number;
      },
    ) {
      const like = q.q ? containsPattern(q.q) : null;
      const where = and(
        eq(registrations.campaignId, campaignId),
        notApplied,
        q.state ? sql`${stateOf} = ${q.state}` : undefined,
        q.unmatched && q.needsConfirmation
          ? or(isNull(registrations.personId), needsConfirmationOf)
          : q.unmatched
            ? isNull(registrations.personId)
            : undefined,
        like
          ? or(
              ilike(sql`${registrations.firstName} || ' ' || ${registrations.lastName}`, like),
              ilike(sql`${registrations.lastName} || ' ' || ${registrations.firstName}`, like),
              ilike(registrations.email, like),
            )
          : undefined,
      );
      const order = q.dir === "desc" ? desc : asc;
      const orderBy =
        q.sort === "created"
          ? [order(registrations.createdAt)]
          : q.sort === "state"
            ? [order(stateOf), asc(registrations.lastName), asc(registrations.firstName)]
            : [order(registrations.lastName), order(registrations.firstName)];
      // The page is chosen first and only its registrations get their derived columns: computed for
      // every registration of a large campaign, they made the planner read all placement rows twice.
      const page = db.$with("page").as(
        db
          .select({ id: registrations.id, total: sql<number>`(count(*) over ())::int`.as("total") })
          .from(registrations)
          .leftJoin(persons, eq(persons.id, registrations.personId))
          .where(where)
          .orderBy(...orderBy, asc(registrations.id))
          .limit(q.limit)
          .offset(q.offset),
      );
      const rows = await db
        .with(page)
        .select({ ...registrationColumns, total: page.total })
        .from(page)
        .innerJoin(registrations, eq(registrations.id, page.id))
        .leftJoin(persons, eq(persons.id, registrations.personId))
        .orderBy(...orderBy, asc(registrations.id));
      return { items: rows as (RegistrationRow & { total: number })[], total: rows[0]?.total ?? 0 };
    },

    /** A registration of the trust with its campaign, or undefined. */
    async findRegistration(trustId: string, id: string, opts: { forUpdate?: boolean } = {}) {
      const query = selectRegistrations().where(and(eq(registrations.trustId, trustId), eq(registrations.id, id)));
      const [row] = await (opts.forUpdate ? query.for("update", { of: registrations }) : query);
      return row as RegistrationRow | undefined;
    },

    async updateRegistration(id: string, values: Partial<typeof registrations.$inferInsert>) {
      await db
        .update(registrations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(registrations.id, id));
    },

    /** A placement row of the campaign's trust and institution, with its person. */
    async findRowAt(trustId: string, institutionId: string, rowId: string) {
      const [row] = await db
        .select({ id: placementRows.id, personId: placementRows.personId })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(
          and(
            eq(overviews.trustId, trustId),
            eq(overviews.institutionId, institutionId),
            eq(placementRows.id, rowId),
            isNull(placementRows.anonymisedAt),
          ),
        );
      return row;
    },

    /**
     * The rows the campaign expects whose person has no registration (`confirmedOnly`: no registration
     * with a confirmed e-mail — the missing students), by name; `q` searches name and e-mail.
     */
    async rowsWithoutRegistration(
      campaign: typeof campaigns.$inferSelect,
      q: { q?: string; confirmedOnly: boolean; limit?: number; offset?: number },
    ) {
      const like = q.q ? containsPattern(q.q) : null;
      const registered = sql`select 1 from ${registrations} where ${registrations.personId} = ${placementRows.personId}
        and ${registrations.trustId} = ${campaign.trustId} and ${notApplied}${
          q.confirmedOnly ? sql` and ${registrations.emailConfirmedAt} is not null` : sql``
        }`;
      const query = db
        .select({
          rowId: placementRows.id,
          personId: placementRows.personId,
          overviewId: overviews.id,
          sheetId: sheets.id,
          sheetName: sheets.name,
          firstName: placementRows.firstName,
          lastName: placementRows.lastName,
          email: placementRows.email,
          birthDate: placementRows.birthDate,
          placementStart: placementRows.startDate,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(
          and(
            expectedRows(campaign),
            or(isNull(placementRows.personId), sql`not exists (${registered})`),
            like
              ? or(
                  ilike(sql`${placementRows.firstName} || ' ' || ${placementRows.lastName}`, like),
                  ilike(placementRows.email, like),
                )
              : undefined,
          ),
        )
        .orderBy(asc(placementRows.lastName), asc(placementRows.firstName), asc(placementRows.id));
      const rows = await (q.limit === undefined ? query : query.limit(q.limit).offset(q.offset ?? 0));
      return {
        items: rows.map(({ total: _, ...r }) => ({ ...r, email: r.email || null })),
        total: rows[0]?.total ?? 0,
      };
    },
  };
}
export type StaffRegistrationsRepository = ReturnType<typeof createStaffRegistrationsRepository>;
