/** The open lines (ordered, approved) of the trusts ($1) the IT provider serves, `a` the table's alias and a dot. */
const open = (a = "") => `${a}trust_id = any($1::uuid[]) and ${a}state in ('ordered', 'approved')`;

/**
 * order-lines.repository list as the IT provider's queue: the open lines of the trusts it serves,
 * soonest start first, 50 of them, with what a line is shown with and the total: one statement. As
 * the repository does, the page's ids come first (no later start than the 50th line's, then sorted
 * by name among those) and only those 50 are joined to what they show; the total counts the lines.
 */
export const itQueue = (trustIds: string[]) => ({
  sql: `with page as (
          select l.id
            from order_lines l
            join persons p on p.id = l.person_id
           where ${open("l.")}
             and l.valid_from <= coalesce((select valid_from from order_lines where ${open()}
                                           order by valid_from limit 1 offset 49), 'infinity'::date)
           order by l.valid_from, lower(p.last_name), lower(p.first_name), l.id
           limit 50
        )
        select l.*, ord.number, ord.reference, ord.overview_id, ord.sheet_name, t.name as trust_name,
               i.short_name as institution_short_name, p.last_name, p.first_name, p.email,
               coalesce(ps.name, r.placement_site_name, '') as placement_site, cs.name as system_name,
               v.version as profile_version, coalesce(u.username, p.username) as known_username,
               coalesce(r.previous_username, '') as typed_username,
               ua.name as approved_by_name, ui.name as implemented_by_name, uj.name as rejected_by_name,
               (select count(*) from order_lines where ${open()})::int as total
          from page
          join order_lines l on l.id = page.id
          join orders ord on ord.id = l.order_id
          join trusts t on t.id = l.trust_id
          join institutions i on i.id = l.institution_id
          join persons p on p.id = l.person_id
          join clinical_systems cs on cs.id = l.system_id
          join access_profile_versions v on v.id = l.profile_version_id
          left join usernames u on u.national_id_hash = p.national_id_hash
          left join placement_rows r on r.id = l.row_id
          left join placement_sites ps on ps.id = r.placement_site_id
          left join users ua on ua.id = l.approved_by
          left join users ui on ui.id = l.implemented_by
          left join users uj on uj.id = l.rejected_by
         order by l.valid_from, lower(p.last_name), lower(p.first_name), l.id`,
  params: [trustIds],
});
