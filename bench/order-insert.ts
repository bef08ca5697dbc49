/**
 * An order of these rows ($1: the sheet, $2: its rows) and one draft line per row and system of
 * their document programme's current profile, inserted in one statement (the number the trust's
 * next): order creation's floor (floor-server.ts), and how the generator makes the order that is
 * exported (generate-orders.ts).
 */
export const orderInsert = `with sheet as (
      select s.id, s.name, o.id as overview_id, o.trust_id, o.institution_id, g.programme_id
        from sheets s join overviews o on o.id = s.overview_id join student_groups g on g.id = o.group_id
       where s.id = $1::uuid),
    ord as (
      insert into orders (trust_id, institution_id, overview_id, sheet_id, sheet_name, number)
      select trust_id, institution_id, overview_id, id, name,
             (select coalesce(max(number), 0) + 1 from orders x where x.trust_id = sheet.trust_id)
        from sheet
      returning id, trust_id, institution_id, sheet_id)
    insert into order_lines (trust_id, order_id, institution_id, sheet_id, row_id, person_id, system_id, role,
                             profile_version_id, valid_from, valid_to)
    select ord.trust_id, ord.id, ord.institution_id, ord.sheet_id, r.id, r.person_id, it.system_id, it.role, v.id,
           r.start_date, r.end_date
      from ord
      join sheet on sheet.id = ord.sheet_id
      join programmes pg on pg.id = sheet.programme_id
      join access_profiles ap on ap.trust_id = ord.trust_id and ap.profession_id = pg.profession_id and ap.archived_at is null
      join access_profile_versions v on v.profile_id = ap.id and v.version = ap.version
      join access_profile_items it on it.version_id = v.id
      join placement_rows r on r.sheet_id = ord.sheet_id and r.id = any($2::uuid[])
    returning id`;
