import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { learningPortalBatches, learningPortalRequests } from "./learning-portal.table.ts";

/** The advisory locks' first key for a batch's running number (the two-key form; the second is the trust's). */
const numberLockSpace = 14;

/**
 * A placement row that may need a manual Læringsportalen user, with what the list shows and the
 * ciphertexts the domain rule decides by (decrypted in memory by the use-cases, never returned).
 */
export interface CandidateRow {
  rowId: string;
  personId: string;
  lastName: string;
  firstName: string;
  email: string;
  homeInstitution: string;
  institutionId: string;
  institutionShortName: string;
  overviewId: string;
  sheetId: string;
  sheetName: string;
  sheetKind: string;
  startDate: string;
  endDate: string;
  nationalIdEnc: string | null;
  dNumberEnc: string | null;
  personState: string | null;
  batchId: string | null;
  batchNumber: number | null;
  batchSentAt: string | null;
  testMode: boolean;
  dNumberNeedsManualUser: boolean;
}

interface RawRow {
  row_id: string;
  person_id: string;
  last_name: string;
  first_name: string;
  email: string;
  home_institution: string;
  institution_id: string;
  short_name: string;
  overview_id: string;
  sheet_id: string;
  sheet_name: string;
  kind: string;
  start_date: string;
  end_date: string;
  national_id_enc: string | null;
  d_number_enc: string | null;
  learning_portal_state: string | null;
  batch_id: string | null;
  batch_number: number | null;
  batch_sent_at: string | null;
  test_mode: boolean;
  d_number_needs_manual_user: boolean;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The rows of the trust's sheets (joined read-only with the sheets, documents, institutions,
 * persons and the trust's settings) that may need a manual user: international sheets' rows, and
 * rows carrying an ID when the trust's D-number holders need one; not anonymised, not withdrawn,
 * with a person. `from` is where the rows are taken from (all rows, or the current ones), `where`
 * narrows them further. One statement.
 */
async function candidates(
  db: DbOrTx,
  trustId: string,
  { from = sql`placement_rows`, where = sql`true` }: { from?: SQL; where?: SQL },
): Promise<CandidateRow[]> {
  const result = await db.execute(sql`
    select r.id as row_id, p.id as person_id, p.last_name, p.first_name,
           coalesce(nullif(p.email, ''), r.email) as email, r.home_institution,
           i.id as institution_id, i.short_name, o.id as overview_id, s.id as sheet_id, s.name as sheet_name, s.kind,
           coalesce(r.start_date, s.start_date)::text as start_date, coalesce(r.end_date, s.end_date)::text as end_date,
           r.national_id_enc, r.d_number_enc, p.learning_portal_state,
           b.id as batch_id, b.number as batch_number,
           to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as batch_sent_at,
           t.test_mode, t.d_number_needs_manual_user
      from ${from} r
      join sheets s on s.id = r.sheet_id
      join overviews o on o.id = s.overview_id
      join institutions i on i.id = o.institution_id
      join trusts t on t.id = o.trust_id
      join persons p on p.id = r.person_id
      left join lateral (
        select lb.id, lb.number, lb.created_at
          from learning_portal_requests lr
          join learning_portal_batches lb on lb.id = lr.batch_id
         where lr.person_id = p.id
         order by lb.created_at desc, lb.number desc
         limit 1
      ) b on true
     where o.trust_id = ${trustId}
       and r.anonymised_at is null and p.anonymised_at is null and r.withdrawn_on is null
       and (s.kind = 'international'
            or (t.d_number_needs_manual_user and (r.national_id_enc is not null or r.d_number_enc is not null)))
       and ${where}
     order by coalesce(r.start_date, s.start_date), r.id`);
  return rowsOf<RawRow>(result).map((r) => ({
    rowId: r.row_id,
    personId: r.person_id,
    lastName: r.last_name,
    firstName: r.first_name,
    email: r.email,
    homeInstitution: r.home_institution,
    institutionId: r.institution_id,
    institutionShortName: r.short_name,
    overviewId: r.overview_id,
    sheetId: r.sheet_id,
    sheetName: r.sheet_name,
    sheetKind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    nationalIdEnc: r.national_id_enc,
    dNumberEnc: r.d_number_enc,
    personState: r.learning_portal_state,
    batchId: r.batch_id,
    batchNumber: r.batch_number === null ? null : Number(r.batch_number),
    batchSentAt: r.batch_sent_at,
    testMode: Boolean(r.test_mode),
    dNumberNeedsManualUser: Boolean(r.d_number_needs_manual_user),
  }));
}

/**
 * Rows of current and coming placements: their end, the row's or else the sheet's, on or after
 * `today` (`coalesce(r.end_date, s.end_date) >= today`), found through the rows' and the sheets'
 * end dates (`placement_rows_end`, `sheets_end`), so the rows read are the current ones. They are
 * the statement's rows themselves: as a condition (`r.id in (…)`) each one was looked up again by
 * its id (34 → 11 ms at full scale).
 */
const current = (today: string) => sql`(
  select w.* from placement_rows w where w.end_date >= ${today}::date
  union all
  select w.* from sheets ws join placement_rows w on w.sheet_id = ws.id
   where ws.end_date >= ${today}::date and w.end_date is null)`;

export function createLearningPortalRepository({ db }: { db: DbOrTx }) {
  return {
    /** Rows of current and coming placements. */
    current: (trustId: string, today: string) => candidates(db, trustId, { from: current(today) }),

    /** Current and coming rows of persons not yet requested or created (those who may be waiting). */
    currentWaiting: (trustId: string, today: string) =>
      candidates(db, trustId, {
        from: current(today),
        where: sql`coalesce(p.learning_portal_state, '') not in ('requested', 'created')`,
      }),

    /** Current and coming rows of these persons only. */
    currentOf: (trustId: string, today: string, personIds: string[]) =>
      candidates(db, trustId, { from: current(today), where: anyOf(sql`p.id`, personIds, "uuid") }),

    /** These rows (whatever their dates): what the readiness lines show. */
    rows: (trustId: string, rowIds: string[]) => candidates(db, trustId, { where: anyOf(sql`r.id`, rowIds, "uuid") }),

    /** Takes the trust's batch numbers for this transaction (two batches never share a number). */
    async lockNumbers(trustId: string) {
      await db.execute(sql`select pg_advisory_xact_lock(${numberLockSpace}::int, hashtext(${trustId}))`);
    },

    async insertBatch(values: { trustId: string; toAddress: string; personCount: number; sentBy: string | null }) {
      const [row] = await db
        .insert(learningPortalBatches)
        .values({
          ...values,
          number: sql`(select coalesce(max(${learningPortalBatches.number}), 0) + 1 from ${learningPortalBatches} where ${learningPortalBatches.trustId} = ${values.trustId})`,
        })
        .returning();
      if (!row) throw new Error("The batch was not saved.");
      return row;
    },

    async insertRequests(trustId: string, batchId: string, personIds: string[]) {
      if (personIds.length === 0) return;
      await db.insert(learningPortalRequests).values(personIds.map((personId) => ({ trustId, batchId, personId })));
    },

    /** A merge: the other person's requests become the kept person's. */
    async moveRequests(trustId: string, fromPersonId: string, toPersonId: string) {
      await db
        .update(learningPortalRequests)
        .set({ personId: toPersonId })
        .where(and(eq(learningPortalRequests.trustId, trustId), eq(learningPortalRequests.personId, fromPersonId)));
    },

    /** Marks the persons' open requests created (who and when); one statement. */
    async markRequestsCreated(trustId: string, personIds: string[], by: string | null, at: Date) {
      if (personIds.length === 0) return;
      await db
        .update(learningPortalRequests)
        .set({ createdBy: by, createdAt: at })
        .where(
          and(
            eq(learningPortalRequests.trustId, trustId),
            anyOf(learningPortalRequests.personId, personIds, "uuid"),
            isNull(learningPortalRequests.createdAt),
          ),
        );
    },
  };
}
export type LearningPortalRepository = ReturnType<typeof createLearningPortalRepository>;
