import { dueSoonDays } from "../src/domain/deadlines.ts";
import type { Fixtures } from "./generate.ts";

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
}

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
      // dashboard.usecases: the FOU start page's counts, as count queries in one statement.
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
                  where trust_id = $1 and (main_contact_id = $2 or deputy_contact_id = $2)) as contact_for`,
        params: [f.trustId, f.ids.fou, dueSoonDays],
      },
      // overviews.repository search: one word in surname or first name, 50 hits.
      search: {
        sql: `select r.id as row_id, r.last_name, r.first_name, s.id as sheet_id, s.name as sheet_name,
                     o.id as overview_id, o.name as overview_name, i.short_name as institution_short_name,
                     r.start_date, r.end_date
                from placement_rows r
                join sheets s on s.id = r.sheet_id
                join overviews o on o.id = s.overview_id
                join institutions i on i.id = o.institution_id
               where o.trust_id = $1 and r.anonymised_at is null
                 and (r.last_name ilike $2 or r.first_name ilike $2)
               order by r.last_name, r.first_name, s.start_date
               limit 50`,
        params: [f.trustId, `%${f.searchSurname}%`],
      },
      // readiness.repository page: the trust's students with their persons, soonest start first, 50 and the total.
      readiness: {
        sql: `select r.id, r.last_name, r.first_name, coalesce(r.start_date, s.start_date) as start_date,
                     s.name as sheet_name, i.short_name, p.registered_at, p.hr_transferred_at,
                     count(*) over () as total
                from placement_rows r
                join sheets s on s.id = r.sheet_id
                join overviews o on o.id = s.overview_id
                join institutions i on i.id = o.institution_id
                left join persons p on p.id = r.person_id
               where o.trust_id = $1 and r.anonymised_at is null
               order by 4, r.last_name, r.first_name, r.id
               limit 50`,
        params: [f.trustId],
      },
      registrations: campaignRegistrations(f.campaigns.large),
      auditNewest: auditPage(f.trustId, null),
      auditFiltered: auditPage(f.trustId, "agreement"),
      // notifications.repository list: the newest 50 of the person's.
      notifications: {
        sql: `select * from notifications where user_id = $1 order by created_at desc, id desc limit 50`,
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
