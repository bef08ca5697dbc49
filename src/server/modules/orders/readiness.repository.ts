import { type SQL, sql } from "drizzle-orm";
import type { ReadinessItem } from "../../../contracts/orders.ts";
import { rolesOf } from "../../../contracts/policies.ts";
import type { DbOrTx } from "../../shared/database.ts";
import {
  idsStartingBetween,
  type ReadinessFilter,
  type ReadinessPage,
  type ReadinessScope,
  readinessLines,
  rowConditions,
  rowsOfIds,
  stepConditions,
} from "./readiness-lines.ts";

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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
        from: rowsOfIds(sql`${idsStartingBetween(sql`${today}::date`, sql`${today}::date + ${days}::int`)}
          union
          select w.id from placement_rows w where w.order_state in ('rejected', 'changed')`),
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
