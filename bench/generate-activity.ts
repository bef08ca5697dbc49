import { query } from "./databases.ts";
import type { GenerateContext } from "./generate-context.ts";
import type { Organisation } from "./generate-organisation.ts";

/**
 * What people did: comments and change history on submitted sheets, notifications, and the audit
 * trail, each set-based from what is already there.
 */
export async function generateActivity(
  g: GenerateContext,
  { trusts, fou, memberships, users, fixtureUsers, agreements }: Organisation,
): Promise<void> {
  const { database, o, now, count } = g;
  // Comments and change history on submitted sheets, set-based from the rows.
  const authors = [trusts.map((t) => t.id), fou.map((list) => list[0] as string)];
  const [comments] = await query<{ n: number }>(
    database,
    `with added as (
       insert into row_comments (row_id, author_id, body, created_at)
       select r.id, a.user_id,
              (array['Starter en uke senere etter avtale med avdelingen.', 'Har levert politiattest.', 'Bytter praksissted i uke 3.'])[1 + r.position % 3],
              s.submitted_at + interval '2 days'
         from placement_rows r
         join sheets s on s.id = r.sheet_id
         join overviews o on o.id = s.overview_id
         join unnest($1::uuid[], $2::uuid[]) a(trust_id, user_id) on a.trust_id = o.trust_id
        where s.submitted_at is not null and r.position % 20 = 3
       returning 1)
     select count(*)::int as n from added`,
    authors,
  );
  count("row_comments", comments?.n ?? 0);
  const [changes] = await query<{ n: number }>(
    database,
    `with added as (
       insert into row_changes (overview_id, sheet_id, row_id, row_label, kind, field, from_value, to_value, actor_id, at)
       select s.overview_id, s.id, r.id, r.last_name || ', ' || r.first_name,
              case when r.position % 50 = 7 then 'row_added' else 'cell_changed' end,
              case when r.position % 50 = 7 then null else 'endDate' end,
              case when r.position % 50 = 7 then null else to_char(r.end_date - 7, 'DD.MM.YYYY') end,
              case when r.position % 50 = 7 then null else to_char(r.end_date, 'DD.MM.YYYY') end,
              a.user_id, s.submitted_at + interval '5 days'
         from placement_rows r
         join sheets s on s.id = r.sheet_id
         join overviews o on o.id = s.overview_id
         join unnest($1::uuid[], $2::uuid[]) a(trust_id, user_id) on a.trust_id = o.trust_id
        where s.submitted_at is not null and r.position % 10 = 7
       returning 1)
     select count(*)::int as n from added`,
    authors,
  );
  count("row_changes", changes?.n ?? 0);

  // Notifications: spread over the staff, and 200 for the FOU user who reads them in the benchmark.
  const staff = memberships.filter((m) => m[2] === "student_admin" || m[2] === "coordinator");
  const fouUser = memberships.find((m) => users.find((u) => u.id === m[0])?.email === fixtureUsers.fou);
  const notificationRows = [
    ...Array.from({ length: Math.round(100_000 * o.scale) }, (_, k) => staff[k % staff.length]),
    ...Array.from({ length: 200 }, () => fouUser),
  ] as unknown as [string, string][];
  await query(
    database,
    `insert into notifications (trust_id, user_id, kind, text, link, created_at, read_at)
     select n.trust_id, n.user_id, 'overview.changed',
            'Det er gjort endringer i en innsendt praksisoversikt: 3 rader i ' || (array['Periode 1', 'Periode 2', 'Semester 5'])[1 + n.g % 3] || '.',
            '/oversikter', $3::timestamptz - n.g * interval '41 minutes',
            case when n.g % 4 = 0 then null else $3::timestamptz end
       from (select user_id, trust_id, g::int as g
               from unnest($1::uuid[], $2::uuid[]) with ordinality u(user_id, trust_id, g)) n`,
    [notificationRows.map((n) => n[0]), notificationRows.map((n) => n[1]), now.toISOString()],
  );
  count("notifications", notificationRows.length);

  // The audit trail: a million rows over five years at scale 1, in each trust's share.
  const totalAudit = Math.round(1_000_000 * o.scale);
  for (const [ti, t] of trusts.entries()) {
    const n = Math.round(totalAudit * t.share);
    const actors = memberships.filter((m) => m[1] === t.id).map((m) => m[0]);
    const insts = agreements.filter((a) => a.trust === ti).map((a) => a.institution.id);
    await query(
      database,
      `insert into audit_events (at, actor_id, trust_id, institution_id, entity, entity_id, action, fields, request_id)
       select $4::timestamptz - g * ($5::float8 * interval '1 second'),
              ($2::uuid[])[1 + g % cardinality($2::uuid[])],
              $1::uuid,
              case when g % 100 < 75 then ($3::uuid[])[1 + g % cardinality($3::uuid[])] end,
              e.entity, md5($1::text || g::text)::uuid::text, e.action, e.fields, md5(g::text)
         from generate_series(1, $6::int) g
         cross join lateral (
           select case when g % 100 < 60 then 'placement_row' when g % 100 < 70 then 'sheet'
                       when g % 100 < 75 then 'overview' when g % 100 < 85 then 'person'
                       when g % 100 < 97 then 'user' when g % 100 < 98 then 'agreement'
                       when g % 100 < 99 then 'programme' else 'placement_site' end as entity,
                  case when g % 100 < 60 then 'update' when g % 100 < 85 then 'create'
                       when g % 100 < 97 then 'sign_in' else 'update' end as action,
                  case when g % 100 < 60 then array['mobile', 'end_date'] when g % 100 < 97 then array[]::text[]
                       else array['name'] end as fields
         ) e`,
      [t.id, actors, insts, now.toISOString(), (5 * 365 * 86_400) / Math.max(1, n), n],
    );
    count("audit_events", n);
  }
}
