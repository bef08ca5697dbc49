import { type SQL, sql } from "drizzle-orm";
import type { ReadinessItem } from "../../../contracts/orders.ts";
import { rolesOf } from "../../../contracts/policies.ts";
import type { OrderState } from "../../../domain/statuses.ts";
import type { DbOrTx } from "../../shared/database.ts";

/**
 * The readiness of students (one line per placement row that is not anonymised): the person's
 * registration and HR transfer, the row's live order lines (neither rejected nor cancelled) and its
 * username e-mail, read in one statement over the rows, sheets, documents, institutions and persons
 * (joined read-only, to scope and name what it lists). A step of the lines has a date only when
 * every live line reached it (the latest of them); approved and implemented none while the row's
 * Bestilt cell is rejected.
 */

export interface ReadinessScope {
  trustId: string;
  /** Null: the whole trust (FOU, admins). */
  institutionIds: string[] | null;
}

export interface ReadinessFilter {
  q?: string;
  sheetId?: string;
  overviewId?: string;
  institutionId?: string;
  from?: string;
  to?: string;
  notReadyDays?: number;
  orderState?: OrderState;
}

export interface ReadinessPage {
  sort: "start" | "name" | "sheet" | "institution" | "state";
  dir: "asc" | "desc";
  limit: number;
  offset: number;
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every readiness line of the scope with `rows` true (conditions on the row, its sheet and document,
 * `rowConditions`): the one definition the list and the counts share. The rows are narrowed before
 * their order lines are looked up, so a page of a period costs that period's rows, not the trust's.
 */
function readinessLines(
  scope: ReadinessScope,
  today: string,
  withFouDetails: boolean,
  rows: { where: SQL; ids: SQL | null },
): SQL {
  const institutions = scope.institutionIds === null ? null : scope.institutionIds;
  return sql`
    with lines as (
      select r.id as row_id, r.person_id, r.last_name, r.first_name, r.order_state, r.previous_username,
             coalesce(r.start_date, s.start_date) as start_date, coalesce(r.end_date, s.end_date) as end_date,
             s.id as sheet_id, s.name as sheet_name, o.id as overview_id, i.id as institution_id, i.short_name,
             p.registered_at, p.hr_transferred_at,
             coalesce(u.username, nullif(p.username, ''), lx.username) as verified_username,
             lx.ordered_at, lx.reference,
             case when r.order_state <> 'rejected' then lx.approved_at end as approved_at,
             case when r.order_state <> 'rejected' then lx.implemented_at end as implemented_at,
             coalesce(um.queued_at, case when r.order_state <> 'rejected' and lx.provider_sends then lx.implemented_at end)
               as username_sent_at,
             case when r.order_state = 'rejected' then
               ${withFouDetails ? sql`nullif(concat_ws(' — ', rj.reject_reason, rj.fou_message), '')` : sql`rj.fou_message`}
             end as reject_message
        from ${rows.ids ? sql`(${rows.ids}) picked join placement_rows r on r.id = picked.id` : sql`placement_rows r`}
        join sheets s on s.id = r.sheet_id
        join overviews o on o.id = s.overview_id
        join institutions i on i.id = o.institution_id
        left join persons p on p.id = r.person_id
        left join usernames u on u.national_id_hash = coalesce(p.national_id_hash, r.national_id_hash)
        left join username_mails um on um.row_id = r.id
        left join lateral (
          select case when bool_and(l.ordered_at is not null) then max(l.ordered_at) end as ordered_at,
                 case when bool_and(l.state in ('approved', 'implemented'))
                      then max(coalesce(l.approved_at, l.implemented_at)) end as approved_at,
                 case when bool_and(l.state = 'implemented') then max(l.implemented_at) end as implemented_at,
                 coalesce(bool_or(l.username_delivery = 'provider'), false) as provider_sends,
                 string_agg(distinct ord.reference, ', ') as reference,
                 max(l.username) as username
            from order_lines l
            join orders ord on ord.id = l.order_id
           where l.row_id = r.id and l.state not in ('rejected', 'cancelled', 'superseded')
        ) lx on true
        left join lateral (
          select l.reject_reason, l.fou_message
            from order_lines l
           where l.row_id = r.id and l.state = 'rejected'
           order by l.rejected_at desc nulls last
           limit 1
        ) rj on r.order_state = 'rejected'
       where o.trust_id = ${scope.trustId}
         and r.anonymised_at is null
         and r.withdrawn_on is null
         and (${institutions === null}::boolean or o.institution_id = any(${sql.param(institutions ?? [])}::uuid[]))
         and ${rows.where}
    ), steps as (
      select lines.*,
             (registered_at is not null and hr_transferred_at is not null and ordered_at is not null
               and approved_at is not null and implemented_at is not null and username_sent_at is not null) as ready,
             (start_date - ${today}::date) as days_to_start
        from lines
    )`;
}

/**
 * The ids of the rows that start (their own date, else their sheet's) within `from`–`to`, through
 * the indexes on both dates (`placement_rows_start`, `sheets_start`) rather than every row.
 */
const idsStartingBetween = (from: SQL, to: SQL) => sql`
  select w.id from placement_rows w where w.start_date between ${from} and ${to}
  union
  select w.id from sheets ws join placement_rows w on w.sheet_id = ws.id
   where ws.start_date between ${from} and ${to} and w.start_date is null`;

/** The row's start, as a line shows it (the row's own date, else its sheet's). */
const rowStart = sql`coalesce(r.start_date, s.start_date)`;

/**
 * The filter's conditions on the rows themselves, applied before the lines are built; a period
 * also names the rows the statement starts from (`ids`), so it reads that period's rows only.
 */
function rowConditions(f: ReadinessFilter, today: string): { where: SQL; ids: SQL | null } {
  const parts: SQL[] = [sql`true`];
  if (f.sheetId) parts.push(sql`s.id = ${f.sheetId}`);
  if (f.overviewId) parts.push(sql`o.id = ${f.overviewId}`);
  if (f.institutionId) parts.push(sql`o.institution_id = ${f.institutionId}`);
  if (f.from) parts.push(sql`${rowStart} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${rowStart} <= ${f.to}::date`);
  if (f.orderState) parts.push(sql`r.order_state = ${f.orderState}`);
  const soon = f.notReadyDays === undefined ? null : sql`${today}::date + ${f.notReadyDays}::int`;
  if (soon) parts.push(sql`${rowStart} between ${today}::date and ${soon}`);
  const ids = soon
    ? idsStartingBetween(sql`${today}::date`, soon)
    : f.from || f.to
      ? idsStartingBetween(sql`${f.from ?? "-infinity"}::date`, sql`${f.to ?? "infinity"}::date`)
      : null;
  return { where: sql.join(parts, sql` and `), ids };
}

/** The filter's conditions on what the lines derive (readiness, usernames), applied to the lines. */
function stepConditions(f: ReadinessFilter): SQL {
  const like = f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const parts: SQL[] = [sql`true`];
  if (f.notReadyDays !== undefined) parts.push(sql`not ready`);
  if (like) {
    parts.push(
      sql`(lower(last_name || ', ' || first_name) like ${like} or lower(first_name || ' ' || last_name) like ${like}
           or lower(sheet_name) like ${like} or lower(coalesce(verified_username, previous_username)) like ${like})`,
    );
  }
  return sql.join(parts, sql` and `);
}

const orderColumns: Record<ReadinessPage["sort"], string[]> = {
  start: ["start_date", "last_name", "first_name"],
  name: ["last_name", "first_name", "start_date"],
  sheet: ["sheet_name", "start_date", "last_name"],
  institution: ["short_name", "start_date", "last_name"],
  state: ["ready", "days_to_start", "last_name"],
};

interface LineRow {
  row_id: string;
  person_id: string | null;
  last_name: string;
  first_name: string;
  institution_id: string;
  short_name: string;
  overview_id: string;
  sheet_id: string;
  sheet_name: string;
  start_date: string | null;
  end_date: string | null;
  registered_at: string | null;
  hr_transferred_at: string | null;
  ordered_at: string | null;
  approved_at: string | null;
  implemented_at: string | null;
  username_sent_at: string | null;
  order_state: ReadinessItem["orderState"];
  ready: boolean;
  days_to_start: number | null;
  verified_username: string | null;
  previous_username: string;
  reject_message: string | null;
  reference: string | null;
  total: number;
  ready_total: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function createReadinessRepository({ db }: { db: DbOrTx }) {
  return {
    /**
     * One page of the filtered lines, the red ones (not ready, soonest start) first when
     * `notReadyDays` is set, with the counts of the whole filter (read in the same pass; a page
     * past the end has no rows to carry them, see `counts`).
     */
    async page(scope: ReadinessScope, today: string, f: ReadinessFilter, p: ReadinessPage, withFouDetails: boolean) {
      const dir = sql.raw(p.dir === "desc" ? "desc" : "asc");
      const order = sql.join(
        [
          ...(f.notReadyDays !== undefined ? [sql`days_to_start asc`] : []),
          ...orderColumns[p.sort].map((c) => sql`${sql.raw(c)} ${dir} nulls last`),
          sql`row_id asc`,
        ],
        sql`, `,
      );
      const result = await db.execute(sql`
        ${readinessLines(scope, today, withFouDetails, rowConditions(f, today))}
        select row_id, person_id, last_name, first_name, institution_id, short_name, overview_id, sheet_id, sheet_name,
               start_date::text as start_date, end_date::text as end_date,
               ${iso(sql`registered_at`)} as registered_at, ${iso(sql`hr_transferred_at`)} as hr_transferred_at,
               ${iso(sql`ordered_at`)} as ordered_at, ${iso(sql`approved_at`)} as approved_at,
               ${iso(sql`implemented_at`)} as implemented_at, ${iso(sql`username_sent_at`)} as username_sent_at,
               order_state, ready, days_to_start, verified_username, previous_username, reject_message, reference,
               (count(*) over ())::int as total, (count(*) filter (where ready) over ())::int as ready_total
          from steps
         where ${stepConditions(f)}
         order by ${order}
         limit ${p.limit} offset ${p.offset}`);
      const rows = rowsOf<LineRow>(result);
      const items: Omit<ReadinessItem, "learningPortal">[] = rows.map((r) => ({
        rowId: r.row_id,
        personId: r.person_id,
        lastName: r.last_name,
        firstName: r.first_name,
        institution: { id: r.institution_id, shortName: r.short_name },
        overviewId: r.overview_id,
        sheetId: r.sheet_id,
        sheetName: r.sheet_name,
        startDate: r.start_date,
        endDate: r.end_date,
        steps: {
          registered: r.registered_at,
          transferred: r.hr_transferred_at,
          ordered: r.ordered_at,
          approved: r.approved_at,
          implemented: r.implemented_at,
          usernameSent: r.username_sent_at,
        },
        orderState: r.order_state,
        ready: r.ready,
        daysToStart: r.days_to_start === null ? null : Number(r.days_to_start),
        username: r.verified_username ?? (r.previous_username || null),
        usernameVerified: r.verified_username !== null,
        rejectMessage: r.reject_message,
        reference: withFouDetails ? r.reference : null,
      }));
      const total = Number(rows[0]?.total ?? 0);
      const ready = Number(rows[0]?.ready_total ?? 0);
      return { items, total, counts: { students: total, ready, notReady: total - ready } };
    },

    /** The counts of the whole filter (not a page): students, ready and not ready, for a page past the end. */
    async counts(scope: ReadinessScope, today: string, f: ReadinessFilter) {
      const result = await db.execute(sql`
        ${readinessLines(scope, today, false, rowConditions(f, today))}
        select count(*)::int as students, (count(*) filter (where ready))::int as ready
          from steps
         where ${stepConditions(f)}`);
      const [row] = rowsOf<{ students: number; ready: number }>(result);
      const students = Number(row?.students ?? 0);
      const ready = Number(row?.ready ?? 0);
      return { students, ready, notReady: students - ready };
    },

    /**
     * The start page's numbers in one statement: lines not ready within `days` of their start, rows
     * whose access was rejected or changed after the order, and the trust's orders not yet sent.
     * Only the rows one of the numbers can count are looked at (starting within `days`, or in
     * either order state), so the statement costs those rows, not the trust's whole history.
     */
    async startCounts(scope: ReadinessScope, today: string, days: number) {
      const notReady: ReadinessFilter = { notReadyDays: days };
      const counted = {
        where: sql`true`,
        ids: sql`${idsStartingBetween(sql`${today}::date`, sql`${today}::date + ${days}::int`)}
          union
          select w.id from placement_rows w where w.order_state in ('rejected', 'changed')`,
      };
      const result = await db.execute(sql`
        ${readinessLines(scope, today, false, counted)}
        select (count(*) filter (where ${stepConditions(notReady)} and days_to_start between 0 and ${days}::int))::int
                 as not_ready,
               (count(*) filter (where order_state = 'rejected'))::int as rejected,
               (count(*) filter (where order_state = 'changed'))::int as changed,
               (select count(*) from orders where trust_id = ${scope.trustId} and state = 'draft')::int as drafts
          from steps`);
      const [row] = rowsOf<{ not_ready: number; rejected: number; changed: number; drafts: number }>(result);
      return {
        notReady: Number(row?.not_ready ?? 0),
        rejected: Number(row?.rejected ?? 0),
        /** Rows changed after their order, waiting for FOU to order the change (`/klar?bestilt=changed`). */
        accessChanged: Number(row?.changed ?? 0),
        draftOrders: Number(row?.drafts ?? 0),
      };
    },

    /**
     * The IT provider's open lines (ordered or approved) per trust it serves (ADR 0007: every trust
     * where the user holds a role that decides lines), with the trust's name, in one statement.
     */
    async openLinesByTrust(userId: string) {
      const result = await db.execute(sql`
        select t.id, t.name, count(l.id)::int as open
          from trusts t
          left join order_lines l on l.trust_id = t.id and l.state in ('ordered', 'approved')
         where t.id in (select m.trust_id from memberships m
                         where m.user_id = ${userId} and m.role::text = any(${sql.param([...rolesOf("orderLines.decide")])}::text[]))
         group by t.id, t.name
         order by t.name`);
      return rowsOf<{ id: string; name: string; open: number }>(result).map((r) => ({
        trustId: r.id,
        trustName: r.name,
        open: Number(r.open),
      }));
    },
  };
}
export type ReadinessRepository = ReturnType<typeof createReadinessRepository>;
