import { todayInOslo } from "../src/domain/dates.ts";
import { dueSoonDays } from "../src/domain/deadlines.ts";
import type { Fixtures } from "./fixtures.ts";
import { itQueue } from "./floor-it-queue.ts";

/**
 * What each read is measured against: the main SQL statement of the page, run on the same pool
 * settings by a bare route in the floor server (floor-server.ts) and answered as JSON, under the
 * same load. Each mirrors the repository query named beside it; where a page needs several
 * statements (a document, the start page) the floor is the page's data in one statement, as a
 * good implementation would fetch it. The ratio app/floor is what the app adds.
 */
export interface FloorQuery {
  sql: string;
  params: unknown[];
}

export interface FloorFile {
  queries: Record<string, FloorQuery>;
  /** Sign-in's floor: argon2 verification of this hash alone. */
  passwordHash: string;
  /** Export's floor: these rows, then ExcelJS writing the same cells. */
  exportRows: FloorQuery;
  /** The portal export's floor: the order's lines ($1: the order) in the portal's columns, then ExcelJS. */
  portalLines: string;
}

/** The rows starting (their own date, else their sheet's) between two dates: their ids, or the rows. */
const startingBetween = (columns: string, from: string, to: string) => `
  select ${columns} from placement_rows w where w.start_date between ${from} and ${to}
  union all
  select ${columns} from sheets ws join placement_rows w on w.sheet_id = ws.id
   where ws.start_date between ${from} and ${to} and w.start_date is null`;

/** The rows `r` a statement reads: these rows themselves, or the rows of these ids. */
const rowsOf = (rows: string) => `(${rows}) r`;
const rowsOfIds = (ids: string) => `(${ids}) picked join placement_rows r on r.id = picked.id`;

/** readiness.repository's lines of the trust ($1) for the rows `rows` (as `r`), with each step and `ready`. */
const readinessLines = (rows: string, today: string) => `
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
                 case when r.order_state = 'rejected' then nullif(concat_ws(' — ', rj.reject_reason, rj.fou_message), '') end
                   as reject_message
            from ${rows}
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
           where o.trust_id = $1 and r.anonymised_at is null and r.withdrawn_on is null
        ), steps as (
          select lines.*,
                 (registered_at is not null and hr_transferred_at is not null and ordered_at is not null
                   and approved_at is not null and implemented_at is not null and username_sent_at is not null) as ready,
                 (start_date - ${today}::date) as days_to_start
            from lines
        )`;

/**
 * readiness.repository page and counts as one statement: FOU's readiness lines of placements
 * starting in the period, soonest first, with the total and how many are ready.
 */
const readinessPeriod = (trustId: string, from: string, to: string): FloorQuery => ({
  sql: `${readinessLines(rowsOf(startingBetween("w.*", "$3::date", "$4::date")), "$2")}
        select *, (count(*) over ())::int as total, (count(*) filter (where ready) over ())::int as ready_count
          from steps
         where start_date >= $3::date and start_date <= $4::date
         order by start_date asc nulls last, last_name asc nulls last, first_name asc nulls last, row_id
         limit 50`,
  params: [trustId, todayInOslo(new Date()), from, to],
});

/** readiness.repository startCounts: the start page's not ready, rejected and changed students. */
const readinessStartCounts = (today: string, days: string) => `
  select (count(*) filter (where not ready and days_to_start between 0 and ${days}))::int as not_ready,
         (count(*) filter (where order_state = 'rejected'))::int as rejected,
         (count(*) filter (where order_state = 'changed'))::int as changed
    from (${readinessLines(
      rowsOfIds(`${startingBetween("w.id", `${today}::date`, `${today}::date + ${days}`)}
       union select w.id from placement_rows w where w.order_state in ('rejected', 'changed')`),
      today,
    )} select * from steps) counted`;

/**
 * orders.usecases check's reads as one statement: the rows asked for with their person's HR state,
 * their document programme's current profile with its systems, and their lines that still stand.
 */
const orderCheck = (sheetId: string, rowIds: string[]): FloorQuery => ({
  sql: `select r.id, r.position, r.first_name, r.last_name, r.study_programme, r.start_date, r.end_date, r.error_count,
               r.anonymised_at, r.person_id, p.hr_transferred_at, p.email_confirmed_at, p.anonymised_at as person_anonymised_at,
               v.id as profile_version_id,
               (select json_agg(json_build_object('systemId', it.system_id, 'role', it.role, 'name', cs.name) order by it.position)
                  from access_profile_items it join clinical_systems cs on cs.id = it.system_id
                 where it.version_id = v.id) as systems,
               (select coalesce(json_agg(l.system_id), '[]') from order_lines l
                 where l.row_id = r.id and l.state not in ('rejected', 'cancelled')) as live
          from placement_rows r
          join sheets s on s.id = r.sheet_id
          join overviews o on o.id = s.overview_id
          join student_groups g on g.id = o.group_id
          join programmes pg on pg.id = g.programme_id
          left join access_profiles ap on ap.trust_id = o.trust_id and ap.profession_id = pg.profession_id
                                      and ap.archived_at is null
          left join access_profile_versions v on v.profile_id = ap.id and v.version = ap.version
          left join persons p on p.id = r.person_id
         where r.sheet_id = $1 and r.id = any($2::uuid[])
         order by r.position, r.id`,
  params: [sheetId, rowIds],
});

/** orders.repository fileLines: the order's lines in the portal's default columns, dates as the file shows them. */
const portalLines = `select l.id as line_id, p.id as person_id, p.national_id_enc, p.last_name, p.first_name,
         to_char(p.birth_date, 'DD.MM.YYYY') as birth_date, coalesce(p.email, r.email, '') as email,
         coalesce(p.mobile, r.mobile, '') as mobile,
         coalesce(u.username, p.username, nullif(trim(r.previous_username), ''), '') as username,
         i.name as institution, coalesce(nullif(trim(r.study_programme), ''), pg.name, '') as programme,
         coalesce(ps.name, r.placement_site_name, '') as placement_site, cs.name as system, l.role,
         to_char(l.valid_from, 'DD.MM.YYYY') as valid_from, to_char(l.valid_to, 'DD.MM.YYYY') as valid_to, v.limits
    from order_lines l
    join orders ord on ord.id = l.order_id
    join institutions i on i.id = l.institution_id
    join persons p on p.id = l.person_id
    left join overviews o on o.id = ord.overview_id
    left join student_groups g on g.id = o.group_id
    left join programmes pg on pg.id = g.programme_id
    join clinical_systems cs on cs.id = l.system_id
    join access_profile_versions v on v.id = l.profile_version_id
    left join placement_rows r on r.id = l.row_id
    left join placement_sites ps on ps.id = r.placement_site_id
    left join usernames u on u.national_id_hash = p.national_id_hash
   where l.order_id = $1 and l.state <> 'cancelled'
   order by r.position, p.last_name, p.first_name, l.person_id, cs.name`;

/** overviews.repository rowsOfSheet: the rows with their ward and the person's HR state. */
const sheetRows = (sheetId: string): FloorQuery => ({
  sql: `select r.*, ps.name as site_name, p.hr_transferred_at, p.learning_portal_state
          from placement_rows r
          left join placement_sites ps on ps.id = r.placement_site_id
          left join persons p on p.id = r.person_id
         where r.sheet_id = $1
         order by r.position, r.created_at`,
  params: [sheetId],
});

/**
 * overviews.repository listPage + sheetsWithCounts, as one statement: the list's first page (50
 * documents in scope by name) and the total, each document with its group, programme, institution
 * and sheets, each sheet with its submitter and its counts.
 */
const overviewList = (trustId: string, institutionIds: string[] | null): FloorQuery => ({
  sql: `with page as (
          select o.id, o.name, (count(*) over ())::int as total
            from overviews o
           where o.trust_id = $1 ${institutionIds ? "and o.institution_id = any($2::uuid[])" : ""}
           order by o.name, o.id
           limit 50)
        select o.id, o.trust_id, o.institution_id, o.name, o.created_at, o.updated_at, page.total,
               g.id as group_id, g.programme_id, g.cohort, p.name as programme_name, i.short_name as institution_short_name,
               s.*, u.name as submitted_by_name, c.*
          from page
          join overviews o on o.id = page.id
          join student_groups g on g.id = o.group_id
          join programmes p on p.id = g.programme_id
          join institutions i on i.id = o.institution_id
          left join sheets s on s.overview_id = o.id
          left join users u on u.id = s.submitted_by
          left join lateral (
            select count(*) as rows,
                   count(*) filter (where r.error_count > 0) as problems,
                   count(pe.hr_transferred_at) as registered,
                   count(*) filter (where r.order_state not in ('not_ordered', 'rejected')) as ordered
              from placement_rows r left join persons pe on pe.id = r.person_id
             where r.sheet_id = s.id) c on true
         order by page.name, page.id, s.position`,
  params: institutionIds ? [trustId, institutionIds] : [trustId],
});

/** audit.repository listAudit: the trust's newest events with the actor, one more than the page. */
const auditPage = (trustId: string, entity: string | null): FloorQuery => ({
  sql: `select a.id, a.at, u.id as actor_id, u.name as actor_name, u.email as actor_email, a.institution_id,
               a.entity, a.entity_id, a.action, a.fields, a.request_id
          from audit_events a
          left join users u on u.id = a.actor_id
         where a.trust_id = $1 ${entity ? "and a.entity = $2" : ""}
         order by a.at desc, a.id desc
         limit 101`,
  params: entity ? [trustId, entity] : [trustId],
});

/**
 * registrations-staff.repository listRegistrations: a campaign's first page by name, with each
 * registration's derived state and whether it waits for a confirmation, and the total.
 */
const campaignRegistrations = (campaignId: string): FloorQuery => ({
  sql: `with page as (
          select g.id, (count(*) over ())::int as total
            from registrations g
            left join persons p on p.id = g.person_id
           where g.campaign_id = $1 and not (g.supersedes_id is not null and g.applied_at is not null)
           order by g.last_name, g.first_name, g.id
           limit 50)
        select g.*,
               (case when g.email_confirmed_at is null then 'unconfirmed'
                     when p.hr_transferred_at is not null then 'transferred'
                     when exists (select 1 from placement_rows w
                                   where w.person_id = g.person_id and w.anonymised_at is null) then 'matched'
                     else 'confirmed' end) as state,
               coalesce(((g.supersedes_id is not null and g.applied_at is null)
                 or (g.matched_by = 'national_id' and g.verified_at is null and g.fou_confirmed_at is null
                     and exists (select 1 from placement_rows w
                                  where w.person_id = g.person_id and w.anonymised_at is null)
                     and not exists (select 1 from placement_rows w
                                      where w.person_id = g.person_id and w.anonymised_at is null
                                        and lower(w.email) = g.email))), false) as needs_confirmation,
               page.total
          from page
          join registrations g on g.id = page.id
          left join persons p on p.id = g.person_id
         order by g.last_name, g.first_name, g.id`,
  params: [campaignId],
});

export function floorFile(f: Fixtures, passwordHash: string): FloorFile {
  const coordinatorScope = [f.listInstitutionId];
  return {
    passwordHash,
    portalLines,
    exportRows: {
      sql: `select s.name as sheet_name, s.kind, r.*
              from sheets s join placement_rows r on r.sheet_id = s.id
             where s.overview_id = $1
             order by s.position, r.position`,
      params: [f.exportOverview],
    },
    queries: {
      sheetSmall: sheetRows(f.sheets.small),
      sheet: sheetRows(f.sheets.medium),
      sheetLarge: sheetRows(f.sheets.large),
      listCoordinator: overviewList(f.trustId, coordinatorScope),
      listFou: overviewList(f.trustId, null),
      // overviews.repository findOverview + sheetsOf + sheetCounts, as one statement.
      overview: {
        sql: `select o.id, o.name, s.*, u.name as submitted_by_name, c.*
                from overviews o
                join sheets s on s.overview_id = o.id
                left join users u on u.id = s.submitted_by
                left join lateral (
                  select count(*) as rows,
                         count(*) filter (where r.error_count > 0) as problems,
                         count(p.hr_transferred_at) as registered,
                         count(*) filter (where r.order_state not in ('not_ordered', 'rejected')) as ordered
                    from placement_rows r left join persons p on p.id = r.person_id
                   where r.sheet_id = s.id) c on true
               where o.id = $1 and o.trust_id = $2 and o.institution_id = any($3::uuid[])
               order by s.position`,
        params: [f.overview, f.trustId, coordinatorScope],
      },
      // dashboard.usecases: the FOU start page's counts (documents, agreements, registration and
      // readiness numbers), as count queries in one statement. Læringsportalen's count is left out:
      // the app applies its rule to the rows in JavaScript (learning-portal.repository).
      dashboard: {
        sql: `select
                (select count(*) from overviews where trust_id = $1) as overviews,
                (select count(*) from sheets s join overviews o on o.id = s.overview_id join trusts t on t.id = o.trust_id
                  where o.trust_id = $1 and s.submitted_at is null
                    and s.start_date - t.deadline_days <= current_date + $3::int) as sheets_due,
                (select count(*) from placement_rows r join sheets s on s.id = r.sheet_id
                   join overviews o on o.id = s.overview_id
                  where o.trust_id = $1 and r.error_count > 0) as problem_rows,
                (select count(*) from agreements where trust_id = $1) as agreements,
                (select count(*) from agreements
                  where trust_id = $1 and (main_contact_id = $2 or deputy_contact_id = $2)) as contact_for,
                (select count(*) from registrations g
                  where g.trust_id = $1 and g.email_confirmed_at is not null
                    and (g.supersedes_id is null or g.applied_at is not null)
                    and (g.person_id is null or not exists (select 1 from placement_rows r
                          where r.person_id = g.person_id and r.anonymised_at is null))) as unmatched,
                (select count(*) from registrations g
                  where g.trust_id = $1 and g.email_confirmed_at is null
                    and (g.supersedes_id is null or g.applied_at is not null)) as unconfirmed,
                (select count(*) from persons
                  where trust_id = $1 and registered_at is not null and hr_transferred_at is null) as ready_for_hr,
                (select count(*) from orders where trust_id = $1 and state = 'draft') as drafts,
                readiness.*
                from (${readinessStartCounts("$4::date", "14")}) readiness`,
        params: [f.trustId, f.ids.fou, dueSoonDays, todayInOslo(new Date())],
      },
      // row-search.ts searchRowsByName: one word (of three letters or more) in surname or first
      // name, the matches taken first through the trigram indexes, 51 hits (50 shown, and whether
      // there are more).
      search: {
        sql: `select r.row_id, r.last_name, r.first_name, s.id as sheet_id, s.name as sheet_name,
                     o.id as overview_id, o.name as overview_name, i.short_name as institution_short_name,
                     r.start_date, r.end_date
                from (select id as row_id, last_name, first_name, sheet_id, start_date, end_date
                        from placement_rows
                       where anonymised_at is null and (last_name ilike $2 or first_name ilike $2)
                       order by last_name, first_name) r
                join sheets s on s.id = r.sheet_id
                join overviews o on o.id = s.overview_id
                join institutions i on i.id = o.institution_id
               where o.trust_id = $1
               order by r.last_name, r.first_name, s.start_date
               limit 51`,
        params: [f.trustId, `%${f.searchSurname}%`],
      },
      registrations: campaignRegistrations(f.campaigns.large),
      itQueue: itQueue(f.orders.trustIds),
      readiness: readinessPeriod(f.trustId, f.orders.readiness.from, f.orders.readiness.to),
      orderCheck: orderCheck(f.orders.dryRun.sheetId, f.orders.dryRun.rowIds),
      auditNewest: auditPage(f.trustId, null),
      auditFiltered: auditPage(f.trustId, "agreement"),
      // notifications.repository list: the newest 50 of the person's, each with the unread count.
      notifications: {
        sql: `select n.*, (select count(*)::int from notifications unread
                            where unread.user_id = $1 and unread.read_at is null) as unread
                from notifications n where n.user_id = $1 order by n.created_at desc, n.id desc limit 50`,
        params: [f.ids.fou],
      },
      // users.repository listForTrust: people with their memberships at the trust.
      users: {
        sql: `select u.*, m.id as membership_id, m.role, m.institution_id, i.short_name as institution_short_name
                from users u
                join memberships m on m.user_id = u.id
                left join institutions i on i.id = m.institution_id
               where m.trust_id = $1
               order by u.name, m.role`,
        params: [f.trustId],
      },
    },
  };
}
