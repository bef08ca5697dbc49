import { addDays } from "../src/domain/dates.ts";
import { sheetName } from "../src/domain/naming-standard.ts";
import { rowPlaces } from "../src/server/modules/overviews/row-codec.ts";
import type { DataCrypto } from "../src/server/shared/crypto.ts";
import type { Database } from "../src/server/shared/database.ts";
import { query } from "./databases.ts";
import { insertMany } from "./insert-many.ts";
import { orderInsert } from "./order-insert.ts";
import type { Person, Random } from "./synthetic.ts";

/**
 * Orders of access (issue 13) in the generated region: per trust the clinical systems and one
 * current access profile per profession (two or three systems each); for every submitted sheet
 * whose rows the generator marked ordered or further, an order marked ordered in the portal and
 * one line per row and system in the row's state (so the IT provider's queue holds thousands of
 * open lines at scale 1), and an IT provider who serves all four trusts. Beside them, at Helse
 * Bergen, fresh submitted sheets whose persons are transferred to HR, for the benchmark to order:
 * one to check (dry run), one of the small size and one of the measured size whose orders give
 * the statement counts and the portal export, and one per timed creation for the app and for the
 * floor.
 */

export interface OrderSheet {
  sheetId: string;
  rowIds: string[];
}

export interface OrderFixtures {
  /** Signs in as the IT provider of every trust (an it_provider membership in each). */
  itProvider: string;
  trustIds: string[];
  dryRun: OrderSheet;
  small: OrderSheet;
  /** The measured size's sheet whose order gives the statement count and is exported. */
  count: OrderSheet;
  /**
   * The draft order the portal export is measured with, made here as the floor makes one (on
   * PGlite the floor reads a copy of the database taken before the benchmark's own orders).
   */
  exportOrder: string;
  /** One sheet per timed creation, the app's and the floor's (a spare first, one more last). */
  app: OrderSheet[];
  floor: OrderSheet[];
  /** The readiness list's period (placements starting in it). */
  readiness: { from: string; to: string };
}

/** The systems of each trust with their roles; a profession's profile is DIPS Arena and one or two more. */
const systems = [
  { name: "DIPS Arena", roles: ["Student sykepleie", "Student medisin", "Student helsefag"] },
  { name: "Metavision", roles: ["Student"] },
  { name: "Medikamentell kurve", roles: ["Student, lesetilgang"] },
  { name: "PACS", roles: ["Leser"] },
] as const;

export async function generateOrders(
  database: Database,
  c: {
    r: Random;
    crypto: DataCrypto;
    now: Date;
    today: string;
    trustIds: string[];
    /** Profession ids per trust (index as `trustIds`). */
    professions: string[][];
    /** A FOU user per trust, who made the orders. */
    fou: string[];
    persons: Person[];
    siteIds: string[];
    /** The Helse Bergen programme the ordered sheets' document is of. */
    programme: { id: string; name: string; institutionId: string; institutionName: string };
    sizes: { small: number; sheet: number };
    rounds: number;
    count: (table: string, n: number) => void;
  },
): Promise<OrderFixtures> {
  const { r } = c;
  // Clinical systems and one current profile (version 1) per profession.
  const systemRows: unknown[][] = [];
  const profileRows: unknown[][] = [];
  const versionRows: unknown[][] = [];
  const itemRows: unknown[][] = [];
  c.trustIds.forEach((trustId, ti) => {
    const ids = systems.map((s) => {
      const id = r.uuid();
      systemRows.push([id, trustId, s.name, JSON.stringify(s.roles)]);
      return id;
    });
    (c.professions[ti] as string[]).forEach((professionId, k) => {
      const profileId = r.uuid();
      const versionId = r.uuid();
      profileRows.push([profileId, trustId, professionId, 1]);
      versionRows.push([versionId, profileId, 1, "Lesetilgang til egne pasienter; ingen forskrivning."]);
      const items = [0, 1 + (k % 3), ...(k % 2 === 0 ? [1 + ((k + 1) % 3)] : [])];
      [...new Set(items)].forEach((s, position) => {
        const roles = (systems[s] as (typeof systems)[number]).roles;
        itemRows.push([versionId, ids[s], roles[k % roles.length], position]);
      });
    });
  });
  await insertMany(
    database,
    "clinical_systems",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["name", "text"],
      ["roles", "text:jsonb"],
    ],
    systemRows,
  );
  await insertMany(
    database,
    "access_profiles",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["profession_id", "uuid"],
      ["version", "int"],
    ],
    profileRows,
  );
  await insertMany(
    database,
    "access_profile_versions",
    [
      ["id", "uuid"],
      ["profile_id", "uuid"],
      ["version", "int"],
      ["limits", "text"],
    ],
    versionRows,
  );
  await insertMany(
    database,
    "access_profile_items",
    [
      ["version_id", "uuid"],
      ["system_id", "uuid"],
      ["role", "text"],
      ["position", "int"],
    ],
    itemRows,
  );
  c.count("clinical_systems", systemRows.length);
  c.count("access_profiles", profileRows.length);

  // The IT provider of the whole region.
  const itProvider = "ikt@bench.test";
  const itId = r.uuid();
  await query(
    database,
    `with u as (insert into users (id, email, name, password_hash)
                select $1::uuid, $2, 'Helse Vest IKT', password_hash from users where id = $4::uuid
                returning id)
     insert into memberships (user_id, trust_id, role) select u.id, t, 'it_provider' from u, unnest($3::uuid[]) t`,
    [itId, itProvider, c.trustIds, c.fou[0]],
  );

  // An order per submitted sheet with rows ordered or further, marked ordered a few days after submission.
  const [ordered] = await query<{ n: number }>(
    database,
    `with added as (
       insert into orders (trust_id, institution_id, overview_id, sheet_id, sheet_name, number, state, reference,
                           created_by, created_at, ordered_by, ordered_at)
       select o.trust_id, o.institution_id, o.id, s.id, s.name, n.number, 'ordered', 'SP-' || n.number,
              f.user_id, s.submitted_at + interval '3 days', f.user_id, s.submitted_at + interval '4 days'
         from sheets s
         join overviews o on o.id = s.overview_id
         join unnest($1::uuid[], $2::uuid[]) f(trust_id, user_id) on f.trust_id = o.trust_id
         join (select s2.id, row_number() over (partition by o2.trust_id order by s2.submitted_at, s2.id)::int as number
                 from sheets s2 join overviews o2 on o2.id = s2.overview_id
                where s2.submitted_at is not null) n on n.id = s.id
        where s.submitted_at is not null
          and exists (select 1 from placement_rows r
                       where r.sheet_id = s.id and r.person_id is not null and r.order_state <> 'not_ordered')
       returning 1)
     select count(*)::int as n from added`,
    [c.trustIds, c.fou],
  );
  c.count("orders", ordered?.n ?? 0);
  const [lines] = await query<{ n: number }>(
    database,
    `with added as (
       insert into order_lines (trust_id, order_id, institution_id, sheet_id, row_id, person_id, system_id, role,
                                profile_version_id, valid_from, valid_to, state, ordered_by, ordered_at,
                                approved_by, approved_at, implemented_by, implemented_at, username, username_delivery,
                                created_at)
       select ord.trust_id, ord.id, ord.institution_id, ord.sheet_id, r.id, r.person_id, it.system_id, it.role, v.id,
              coalesce(r.start_date, s.start_date), coalesce(r.end_date, s.end_date), r.order_state,
              ord.ordered_by, ord.ordered_at,
              case when r.order_state in ('approved', 'implemented') then $1::uuid end,
              case when r.order_state in ('approved', 'implemented') then ord.ordered_at + interval '2 days' end,
              case when r.order_state = 'implemented' then $1::uuid end,
              case when r.order_state = 'implemented' then ord.ordered_at + interval '5 days' end,
              case when r.order_state = 'implemented' then 'stud' || left(md5(r.person_id::text), 6) end,
              case when r.order_state = 'implemented' then 'provider' end,
              ord.created_at
         from orders ord
         join sheets s on s.id = ord.sheet_id
         join overviews o on o.id = s.overview_id
         join student_groups g on g.id = o.group_id
         join programmes pg on pg.id = g.programme_id
         join access_profiles ap on ap.trust_id = ord.trust_id and ap.profession_id = pg.profession_id
                                and ap.archived_at is null
         join access_profile_versions v on v.profile_id = ap.id and v.version = ap.version
         join access_profile_items it on it.version_id = v.id
         join placement_rows r on r.sheet_id = s.id and r.person_id is not null and r.order_state <> 'not_ordered'
       returning 1)
     select count(*)::int as n from added`,
    [itId],
  );
  c.count("order_lines", lines?.n ?? 0);

  // Fresh sheets at Helse Bergen to order: a document of their own, its persons transferred to HR.
  const trustId = c.trustIds[0] as string;
  const groupId = r.uuid();
  const overviewId = r.uuid();
  await query(
    database,
    `with g as (insert into student_groups (id, trust_id, institution_id, programme_id, cohort)
                values ($1::uuid, $3::uuid, $4::uuid, $5::uuid, 2099) returning id)
     insert into overviews (id, trust_id, institution_id, group_id, name)
     select $2::uuid, $3::uuid, $4::uuid, g.id, 'Bestillinger (benchmark)' from g`,
    [groupId, overviewId, trustId, c.programme.institutionId, c.programme.id],
  );
  const startDate = addDays(c.today, 30);
  const endDate = addDays(startDate, 27);
  const plans = [
    c.sizes.sheet,
    c.sizes.small,
    c.sizes.sheet,
    c.sizes.sheet,
    ...Array(2 * (c.rounds + 2)).fill(c.sizes.sheet),
  ];
  let cursor = 0;
  const sheetRows: unknown[][] = [];
  const rows: unknown[][] = [];
  const personIds = new Set<string>();
  const made: OrderSheet[] = plans.map((size: number, k) => {
    const sheetId = r.uuid();
    sheetRows.push([
      sheetId,
      overviewId,
      "norwegian",
      sheetName({ label: "Periode", n: k + 1, international: false }),
      startDate,
      endDate,
      k + 1,
      addDays(c.today, -5),
    ]);
    const rowIds: string[] = [];
    for (let position = 1; position <= size; position++) {
      const p = c.persons[cursor++ % c.persons.length] as Person;
      const id = r.uuid();
      rowIds.push(id);
      personIds.add(p.id);
      rows.push([
        id,
        sheetId,
        p.id,
        position,
        p.lastName,
        p.firstName,
        c.crypto.encrypt(p.nationalId, rowPlaces(id).nationalId),
        c.crypto.hash(p.nationalId),
        p.birthDate,
        "Norge",
        p.email,
        p.mobile,
        c.programme.institutionName,
        c.programme.name,
        r.pick(c.siteIds),
        "",
        startDate,
        endDate,
        "not_ordered",
        0,
      ]);
    }
    return { sheetId, rowIds };
  });
  await insertMany(
    database,
    "sheets",
    [
      ["id", "uuid"],
      ["overview_id", "uuid"],
      ["kind", "text"],
      ["name", "text"],
      ["start_date", "date"],
      ["end_date", "date"],
      ["position", "int"],
      ["submitted_at", "timestamptz"],
    ],
    sheetRows,
  );
  await insertMany(
    database,
    "placement_rows",
    [
      ["id", "uuid"],
      ["sheet_id", "uuid"],
      ["person_id", "uuid"],
      ["position", "int"],
      ["last_name", "text"],
      ["first_name", "text"],
      ["national_id_enc", "text"],
      ["national_id_hash", "text"],
      ["birth_date", "date"],
      ["nationality", "text"],
      ["email", "text"],
      ["mobile", "text"],
      ["home_institution", "text"],
      ["study_programme", "text"],
      ["placement_site_id", "uuid"],
      ["placement_site_name", "text"],
      ["start_date", "date"],
      ["end_date", "date"],
      ["order_state", "text"],
      ["error_count", "int"],
    ],
    rows,
  );
  c.count("sheets", sheetRows.length);
  c.count("placement_rows", rows.length);
  await query(
    database,
    "update persons set hr_transferred_at = coalesce(hr_transferred_at, $2::timestamptz) where id = any($1::uuid[])",
    [[...personIds], c.now.toISOString()],
  );
  const [dryRun, small, count, exported, ...timed] = made as [
    OrderSheet,
    OrderSheet,
    OrderSheet,
    OrderSheet,
    ...OrderSheet[],
  ];
  await query(database, orderInsert, [exported.sheetId, exported.rowIds]);
  const [exportOrder] = await query<{ id: string }>(database, "select id from orders where sheet_id = $1::uuid", [
    exported.sheetId,
  ]);
  return {
    itProvider,
    trustIds: c.trustIds,
    dryRun,
    small,
    count,
    exportOrder: exportOrder?.id as string,
    app: timed.slice(0, c.rounds + 2),
    floor: timed.slice(c.rounds + 2),
    readiness: { from: addDays(c.today, -90), to: addDays(c.today, 30) },
  };
}
