import { type SQL, sql } from "drizzle-orm";
import type { OrderState } from "../../../domain/statuses.ts";
import { containsPattern } from "../../shared/like-pattern.ts";

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

/**
 * Every readiness line of the scope with `rows` true (conditions on the row, its sheet and document,
 * `rowConditions`): the one definition the list and the counts share. The rows are narrowed before
 * their order lines are looked up, so a page of a period costs that period's rows, not the trust's:
 * `rows.from` names where the rows `r` come from (`rowsOf`, `rowsOfIds`), else every row.
 */
export function readinessLines(
  scope: ReadinessScope,
  today: string,
  withFouDetails: boolean,
  rows: { where: SQL; from: SQL | null },
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
        from ${rows.from ?? sql`placement_rows r`}
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
 * The rows that start (their own date, else their sheet's) within `from`–`to`, through the indexes
 * on both dates (`placement_rows_start`, `sheets_start`) rather than every row: their ids, or the
 * rows themselves. The two parts never share a row (a start date, or none).
 */
const startingBetween = (columns: SQL, from: SQL, to: SQL) => sql`
  select ${columns} from placement_rows w where w.start_date between ${from} and ${to}
  union all
  select ${columns} from sheets ws join placement_rows w on w.sheet_id = ws.id
   where ws.start_date between ${from} and ${to} and w.start_date is null`;
export const idsStartingBetween = (from: SQL, to: SQL) => startingBetween(sql`w.id`, from, to);

/** The rows `r` a statement reads: these rows themselves, or the rows of these ids. */
const rowsOf = (rows: SQL) => sql`(${rows}) r`;
export const rowsOfIds = (ids: SQL) => sql`(${ids}) picked join placement_rows r on r.id = picked.id`;

/** The row's start, as a line shows it (the row's own date, else its sheet's). */
const rowStart = sql`coalesce(r.start_date, s.start_date)`;

/**
 * The filter's conditions on the rows themselves, applied before the lines are built; a period
 * also gives the rows the statement starts from (`from`), so it reads that period's rows only. They
 * are its rows themselves: as ids joined to `placement_rows`, PostgreSQL read all of the region's
 * rows to join a period's (a full scan of 127,620 rows for 12,989; 410 → 300 ms at full scale).
 */
export function rowConditions(f: ReadinessFilter, today: string): { where: SQL; from: SQL | null } {
  const parts: SQL[] = [sql`true`];
  if (f.sheetId) parts.push(sql`s.id = ${f.sheetId}`);
  if (f.overviewId) parts.push(sql`o.id = ${f.overviewId}`);
  if (f.institutionId) parts.push(sql`o.institution_id = ${f.institutionId}`);
  if (f.from) parts.push(sql`${rowStart} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${rowStart} <= ${f.to}::date`);
  if (f.orderState) parts.push(sql`r.order_state = ${f.orderState}`);
  const soon = f.notReadyDays === undefined ? null : sql`${today}::date + ${f.notReadyDays}::int`;
  if (soon) parts.push(sql`${rowStart} between ${today}::date and ${soon}`);
  const from = soon
    ? rowsOf(startingBetween(sql`w.*`, sql`${today}::date`, soon))
    : f.from || f.to
      ? rowsOf(startingBetween(sql`w.*`, sql`${f.from ?? "-infinity"}::date`, sql`${f.to ?? "infinity"}::date`))
      : null;
  return { where: sql.join(parts, sql` and `), from };
}

/** The filter's conditions on what the lines derive (readiness, usernames), applied to the lines. */
export function stepConditions(f: ReadinessFilter): SQL {
  const like = f.q ? containsPattern(f.q.toLowerCase()) : null;
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
