import { performance } from "node:perf_hooks";
import { normalizeMobile } from "../src/domain/contact.ts";
import { addDays, todayInOslo } from "../src/domain/dates.ts";
import { documentName, sheetName } from "../src/domain/naming-standard.ts";
import type { Site } from "../src/domain/placement-row/context.ts";
import { emptyRow, type RowData } from "../src/domain/placement-row/fields.ts";
import { rowPlaces } from "../src/server/modules/overviews/row-codec.ts";
import { sheetProblems } from "../src/server/modules/overviews/sheet-rows.ts";
import { nationalIdPlace } from "../src/server/modules/persons/persons.public.ts";
import type { DataCrypto } from "../src/server/shared/crypto.ts";
import type { Database } from "../src/server/shared/database.ts";
import { query } from "./databases.ts";
import type { Generated } from "./fixtures.ts";
import { generateOrders } from "./generate-orders.ts";
import { generateRegistrations } from "./generate-registrations.ts";
import { insertMany } from "./insert-many.ts";
import * as names from "./names.ts";
import type { BenchOptions } from "./options.ts";
import { nationalIds, type Person, prng, type Random } from "./synthetic.ts";

/**
 * Fills an empty, migrated database with a Helse Vest region times `scale`, deterministically from
 * `seed`: the four trusts, fifteen institutions with agreements and FOU contacts, programmes,
 * wards, staff, 40,000 students (national IDs encrypted for their row, as the app stores them),
 * 2,000 documents with 125,000 placement rows in sheets over five years of periods (most sheets
 * 20–200 rows, a few of 2,000), comments and change history on submitted sheets, notifications and
 * 1,000,000 audit rows. Every table is filled with set-based statements (`unnest` of arrays,
 * `generate_series`), a few thousand rows per statement. Ids are drawn here, so values are
 * encrypted for the row that holds them.
 *
 * Beside the region, fixed-size fixtures at Helse Bergen are what the benchmark measures: the
 * small list's institution with its documents and sheets of 20, 200 and 2,000 rows, the import
 * targets, and one user per measured role or import.
 */

/** A Norwegian mobile number in E.164 that the app's rules accept. */
function mobileNumber(r: Random): string {
  for (;;) {
    const typed = `+479${String(r.int(10_000_000)).padStart(7, "0")}`;
    if (normalizeMobile(typed).ok) return typed;
  }
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z]/g, "");

interface SheetPlan {
  id: string;
  overviewId: string;
  trust: number;
  kind: "norwegian" | "international";
  name: string;
  position: number;
  startDate: string;
  endDate: string;
  rows: number;
  submittedAt: Date | null;
  submittedBy: string | null;
  institution: string;
  programme: string;
}

export async function generate(
  database: Database,
  o: Pick<BenchOptions, "scale" | "seed" | "sizes"> & {
    crypto: DataCrypto;
    passwordHash: string;
    importers: number;
    importTargets: number;
    /** Timed order creations, each of a fresh sheet (the app's and the floor's). */
    orderRounds: number;
  },
): Promise<Generated> {
  const started = performance.now();
  const r: Random = prng(o.seed);
  const now = new Date();
  const today = todayInOslo(now);
  const thisYear = Number(today.slice(0, 4));
  const counts: Record<string, number> = {};
  const count = (table: string, n: number) => {
    counts[table] = (counts[table] ?? 0) + n;
  };

  // Trusts and institutions.
  const trusts = names.trusts.map((t) => ({ ...t, id: r.uuid() }));
  await insertMany(
    database,
    "trusts",
    [
      ["id", "uuid"],
      ["name", "text"],
    ],
    trusts.map((t) => [t.id, t.name]),
  );
  const institutions = names.institutions.map((i) => ({ ...i, id: r.uuid() }));
  await insertMany(
    database,
    "institutions",
    [
      ["id", "uuid"],
      ["name", "text"],
      ["short_name", "text"],
    ],
    institutions.map((i) => [i.id, i.name, i.shortName]),
  );
  const institutionId = (short: string) => institutions.find((i) => i.shortName === short)?.id as string;
  const bergen = trusts[0] as (typeof trusts)[number];

  // Staff: per trust an admin, four FOU, IT and E-Helse; two coordinators per agreement and more
  // coordinators as the region grows; at Helse Bergen one user per measured role and import.
  const users: { id: string; email: string; name: string }[] = [];
  const memberships: [string, string, string, string | null][] = [];
  const person = () => `${r.pick(names.firstNames)} ${r.pick(names.lastNames)}`;
  const addUser = (email: string, trust: string, role: string, institution: string | null = null) => {
    const id = r.uuid();
    users.push({ id, email, name: person() });
    memberships.push([id, trust, role, institution]);
    return id;
  };
  const trustSlug = (i: number) => ascii((names.trusts[i] as { name: string }).name.replace("Helse ", ""));
  const fou: string[][] = [];
  const coordinators = new Map<string, string[]>();
  trusts.forEach((t, ti) => {
    const slug = trustSlug(ti);
    addUser(ti === 0 ? "admin@bench.test" : `admin.${slug}@bench.test`, t.id, "admin");
    fou.push(
      [0, 1, 2, 3].map((k) =>
        addUser(ti === 0 && k === 0 ? "fou@bench.test" : `fou${k}.${slug}@bench.test`, t.id, "student_admin"),
      ),
    );
    addUser(`ikt.${slug}@bench.test`, t.id, "it_provider");
    addUser(`ehelse.${slug}@bench.test`, t.id, "ehealth");
  });
  const agreements: { trust: number; institution: (typeof institutions)[number] }[] = [];
  trusts.forEach((_, ti) => {
    for (let k = 0; k < (names.agreementsPerTrust[ti] as number); k++) {
      agreements.push({ trust: ti, institution: institutions[k] as (typeof institutions)[number] });
    }
  });
  for (const a of agreements) {
    const t = trusts[a.trust] as (typeof trusts)[number];
    const key = `${a.trust}:${a.institution.shortName}`;
    const list = [0, 1].map((k) =>
      addUser(
        `koordinator${k}.${ascii(a.institution.shortName)}.${trustSlug(a.trust)}@bench.test`,
        t.id,
        "coordinator",
        a.institution.id,
      ),
    );
    coordinators.set(key, list);
  }
  const extraCoordinators = Math.round(2_000 * o.scale);
  for (let k = 0; k < extraCoordinators; k++) {
    const a = r.pick(agreements);
    addUser(
      `koordinator.${k}@bench.test`,
      (trusts[a.trust] as (typeof trusts)[number]).id,
      "coordinator",
      a.institution.id,
    );
  }
  const fixtureUsers = {
    admin: "admin@bench.test",
    fou: "fou@bench.test",
    coordinator: "koordinator.liste@bench.test",
    signIn: "innlogging@bench.test",
    exporter: "eksport@bench.test",
    importers: Array.from({ length: o.importers }, (_, k) => `import${k + 1}@bench.test`),
  };
  const listCoordinator = addUser(
    fixtureUsers.coordinator,
    bergen.id,
    "coordinator",
    institutionId(names.listInstitution),
  );
  addUser(fixtureUsers.signIn, bergen.id, "student_admin");
  addUser(fixtureUsers.exporter, bergen.id, "student_admin");
  for (const email of fixtureUsers.importers) addUser(email, bergen.id, "student_admin");
  await insertMany(
    database,
    "users",
    [
      ["id", "uuid"],
      ["email", "text"],
      ["name", "text"],
      ["password_hash", "text"],
    ],
    users.map((u) => [u.id, u.email, u.name, o.passwordHash]),
  );
  await insertMany(
    database,
    "memberships",
    [
      ["user_id", "uuid"],
      ["trust_id", "uuid"],
      ["role", "text:role"],
      ["institution_id", "uuid"],
    ],
    memberships,
  );
  count("users", users.length);
  await insertMany(
    database,
    "agreements",
    [
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["main_contact_id", "uuid"],
      ["deputy_contact_id", "uuid"],
    ],
    agreements.map((a, k) => {
      const contacts = fou[a.trust] as string[];
      return [
        (trusts[a.trust] as (typeof trusts)[number]).id,
        a.institution.id,
        contacts[k % 4],
        contacts[(k + 1) % 4],
      ];
    }),
  );
  count("agreements", agreements.length);

  // Catalogue: professions, each agreement's programmes, wards.
  const professionNames = [...new Set(names.programmes.map((p) => p.profession))];
  const professions = new Map<string, string>();
  const professionRows: unknown[][] = [];
  trusts.forEach((t, ti) => {
    for (const p of professionNames) {
      const id = r.uuid();
      professions.set(`${ti}:${p}`, id);
      professionRows.push([id, t.id, p]);
    }
  });
  await insertMany(
    database,
    "professions",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["name", "text"],
    ],
    professionRows,
  );
  type Programme = { id: string; trust: number; institution: (typeof institutions)[number]; name: string };
  const programmes: Programme[] = [];
  agreements.forEach((a, k) => {
    const fixed = a.trust === 0 && [names.listInstitution, names.importInstitution].includes(a.institution.shortName);
    const n = fixed ? names.programmes.length : 4 + ((k * 7) % 9);
    for (let j = 0; j < n; j++) {
      const p = names.programmes[(k + j) % names.programmes.length] as (typeof names.programmes)[number];
      programmes.push({ id: r.uuid(), trust: a.trust, institution: a.institution, name: p.name });
    }
  });
  await insertMany(
    database,
    "programmes",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["profession_id", "uuid"],
      ["name", "text"],
    ],
    programmes.map((p) => [
      p.id,
      (trusts[p.trust] as (typeof trusts)[number]).id,
      p.institution.id,
      professions.get(`${p.trust}:${names.programmes.find((x) => x.name === p.name)?.profession}`),
      p.name,
    ]),
  );
  count("programmes", programmes.length);
  const sites: Site[][] = trusts.map((_, ti) => {
    const perDepartment = ti === 0 ? 8 : 4;
    return names.departments.flatMap((d) =>
      Array.from({ length: perDepartment }, (_, k) => ({ id: r.uuid(), name: `${d}, post ${k + 1}` })),
    );
  });
  await insertMany(
    database,
    "placement_sites",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["name", "text"],
      ["department", "text"],
    ],
    sites.flatMap((list, ti) =>
      list.map((s) => [s.id, (trusts[ti] as (typeof trusts)[number]).id, s.name, s.name.split(",")[0]]),
    ),
  );

  // Documents: one per student group (institution, programme, cohort).
  type Doc = { id: string; trust: number; programme: Programme; cohort: number; sheets: number };
  const docs: Doc[] = [];
  const cohorts = Array.from({ length: 8 }, (_, k) => thisYear - 6 + k);
  const isFixed = (p: Programme) =>
    p.trust === 0 && [names.listInstitution, names.importInstitution].includes(p.institution.shortName);
  const totalDocs = Math.max(names.trusts.length, Math.round(2_000 * o.scale));
  trusts.forEach((t, ti) => {
    const combos = programmes
      .filter((p) => p.trust === ti && !isFixed(p))
      .flatMap((p) => cohorts.map((c) => ({ p, c })));
    for (let k = combos.length - 1; k > 0; k--) {
      const j = r.int(k + 1);
      [combos[k], combos[j]] = [combos[j] as (typeof combos)[number], combos[k] as (typeof combos)[number]];
    }
    const n = Math.min(combos.length, Math.max(1, Math.round(totalDocs * t.share)));
    for (const { p, c } of combos.slice(0, n))
      docs.push({ id: r.uuid(), trust: ti, programme: p, cohort: c, sheets: 0 });
  });
  const fixedProgrammes = (short: string) =>
    programmes.filter((p) => p.trust === 0 && p.institution.shortName === short);
  const listDocs = fixedProgrammes(names.listInstitution)
    .flatMap((p) => cohorts.map((c) => ({ id: r.uuid(), trust: 0, programme: p, cohort: c, sheets: 0 })))
    .slice(0, o.sizes.smallList);
  const importDocs = fixedProgrammes(names.importInstitution)
    .flatMap((p) => cohorts.map((c) => ({ id: r.uuid(), trust: 0, programme: p, cohort: c, sheets: 0 })))
    .slice(0, o.importTargets);
  if (importDocs.length < o.importTargets) throw new Error("not enough import targets for these settings");
  const allDocs = [...docs, ...listDocs, ...importDocs];
  const groupRows = allDocs.map((d) => {
    const groupId = r.uuid();
    return { d, groupId };
  });
  await insertMany(
    database,
    "student_groups",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["programme_id", "uuid"],
      ["cohort", "int"],
    ],
    groupRows.map(({ d, groupId }) => [
      groupId,
      (trusts[d.trust] as (typeof trusts)[number]).id,
      d.programme.institution.id,
      d.programme.id,
      d.cohort,
    ]),
  );
  await insertMany(
    database,
    "overviews",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["group_id", "uuid"],
      ["name", "text"],
    ],
    groupRows.map(({ d, groupId }) => [
      d.id,
      (trusts[d.trust] as (typeof trusts)[number]).id,
      d.programme.institution.id,
      groupId,
      documentName({ institution: d.programme.institution.shortName, programme: d.programme.name, cohort: d.cohort }),
    ]),
  );
  count("overviews", allDocs.length);

  // Sheets: periods of four to eight weeks over five years; most of them 20–200 rows, a few of 2,000.
  const sheets: SheetPlan[] = [];
  const firstDay = `${thisYear - 4}-01-01`;
  const addSheet = (d: Doc, rows: number, kind: SheetPlan["kind"] = "norwegian") => {
    d.sheets++;
    const startDate = addDays(firstDay, r.int(5 * 365));
    const submitted = startDate < addDays(today, 28) && r.next() < 0.9;
    const coordinatorIds = coordinators.get(`${d.trust}:${d.programme.institution.shortName}`) ?? [listCoordinator];
    const plan: SheetPlan = {
      id: r.uuid(),
      overviewId: d.id,
      trust: d.trust,
      kind,
      name: sheetName({ label: "Periode", n: d.sheets, international: kind === "international" }),
      position: d.sheets,
      startDate,
      endDate: addDays(startDate, 27 + 7 * r.int(5)),
      rows,
      submittedAt: submitted ? new Date(`${addDays(startDate, -35)}T09:00:00Z`) : null,
      submittedBy: submitted ? (r.pick(coordinatorIds) as string) : null,
      institution: d.programme.institution.name,
      programme: d.programme.name,
    };
    sheets.push(plan);
    return plan;
  };
  const [docA, docB, ...otherListDocs] = listDocs as [Doc, Doc, ...Doc[]];
  const small = addSheet(docA, o.sizes.smallSheet);
  const medium = addSheet(docA, o.sizes.sheet);
  const large = addSheet(docB, o.sizes.largeSheet);
  for (const s of [small, medium, large]) {
    s.startDate = addDays(today, -60);
    s.endDate = addDays(today, -4);
    s.submittedAt = new Date(`${addDays(s.startDate, -35)}T09:00:00Z`);
    s.submittedBy = listCoordinator;
  }
  for (const d of otherListDocs) addSheet(d, Math.round(20 + 40 * r.next()));
  const fixtureRows = sheets.reduce((n, s) => n + s.rows, 0);
  let budget = Math.max(0, Math.round(125_000 * o.scale) - fixtureRows);
  const byTrust = trusts.map((_, ti) => docs.filter((d) => d.trust === ti));
  const pickDoc = () => {
    const u = r.next();
    let acc = 0;
    const ti = trusts.findIndex((t) => {
      acc += t.share;
      return u < acc;
    });
    const list = byTrust[Math.max(ti, 0)] as Doc[];
    return r.pick(list);
  };
  for (let k = 0; k < Math.round(4 * o.scale) && budget >= 2_000; k++) {
    addSheet(pickDoc(), 2_000);
    budget -= 2_000;
  }
  while (budget > 0) {
    const size = Math.min(budget, Math.round(20 * 10 ** (r.next() ** 3)));
    addSheet(pickDoc(), size, r.next() < 0.08 ? "international" : "norwegian");
    budget -= size;
  }
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
      ["submitted_by", "uuid"],
      ["submitted_late", "bool"],
    ],
    sheets.map((s) => [
      s.id,
      s.overviewId,
      s.kind,
      s.name,
      s.startDate,
      s.endDate,
      s.position,
      s.submittedAt?.toISOString() ?? null,
      s.submittedBy,
      s.submittedAt !== null && r.next() < 0.05,
    ]),
  );
  count("sheets", sheets.length);

  // Students: a trust knows at least as many as its largest sheet holds.
  const totalPersons = Math.round(40_000 * o.scale);
  const nextId = nationalIds(2030);
  const persons: Person[][] = trusts.map((t, ti) => {
    const largest = Math.max(0, ...sheets.filter((s) => s.trust === ti).map((s) => s.rows));
    const n = Math.max(largest, Math.round(totalPersons * t.share));
    return Array.from({ length: n }, () => {
      const firstName = r.pick(names.firstNames);
      const lastName = r.pick(names.lastNames);
      const id = nextId();
      const k = counts.persons ?? 0;
      count("persons", 1);
      return {
        id: r.uuid(),
        firstName,
        lastName,
        ...id,
        email: `${ascii(firstName)}.${ascii(lastName)}.${k}@student.bench.test`,
        mobile: mobileNumber(r),
      };
    });
  });
  await insertMany(
    database,
    "persons",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["national_id_enc", "text"],
      ["national_id_hash", "text"],
      ["first_name", "text"],
      ["last_name", "text"],
      ["birth_date", "date"],
      ["email", "text"],
      ["mobile", "text"],
      ["hr_transferred_at", "timestamptz"],
    ],
    persons.flatMap((list, ti) =>
      list.map((p) => [
        p.id,
        (trusts[ti] as (typeof trusts)[number]).id,
        o.crypto.encrypt(p.nationalId, nationalIdPlace(p.id)),
        o.crypto.hash(p.nationalId),
        p.firstName,
        p.lastName,
        p.birthDate,
        p.email,
        p.mobile,
        r.next() < 0.4 ? now.toISOString() : null,
      ]),
    ),
  );

  // Placement rows, each student on several sheets of their trust; a few with problems (an unknown
  // ward, a mistyped mobile), whose error counts come from the app's own rules.
  const cursor = trusts.map(() => 0);
  const orderStates = ["implemented", "implemented", "implemented", "approved", "ordered", "not_ordered"];
  const rowColumns: [string, string][] = [
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
  ];
  let pending: unknown[][] = [];
  for (const s of sheets) {
    const pool = persons[s.trust] as Person[];
    const trustSites = sites[s.trust] as Site[];
    const ids: string[] = [];
    const data: RowData[] = [];
    const people: (Person | null)[] = [];
    for (let k = 0; k < s.rows; k++) {
      const p = pool[(cursor[s.trust] as number) % pool.length] as Person;
      cursor[s.trust] = (cursor[s.trust] as number) + 1;
      const international = s.kind === "international";
      const site = r.next() < 0.03 ? null : r.pick(trustSites);
      const start = addDays(s.startDate, 7 * r.int(2));
      ids.push(r.uuid());
      people.push(international ? null : p);
      data.push({
        ...emptyRow,
        lastName: p.lastName,
        firstName: p.firstName,
        nationalId: international ? "" : p.nationalId,
        birthDate: p.birthDate,
        nationality: international ? "Tyskland" : "Norge",
        email: p.email,
        mobile: r.next() < 0.03 ? "12345" : p.mobile,
        homeInstitution: s.institution,
        studyProgramme: s.programme,
        placementSiteId: site?.id ?? null,
        placementSiteName: site?.name ?? "Dagkirurgisk post",
        startDate: start,
        endDate: addDays(start, 20),
      });
    }
    const problems = sheetProblems(data, {
      kind: s.kind,
      periodStart: s.startDate,
      periodEnd: s.endDate,
      testMode: false,
      sites: trustSites,
    });
    data.forEach((d, k) => {
      const id = ids[k] as string;
      const p = people[k];
      pending.push([
        id,
        s.id,
        p?.id ?? null,
        k + 1,
        d.lastName,
        d.firstName,
        d.nationalId ? o.crypto.encrypt(d.nationalId, rowPlaces(id).nationalId) : null,
        d.nationalId ? o.crypto.hash(d.nationalId) : null,
        d.birthDate,
        d.nationality,
        d.email,
        d.mobile,
        d.homeInstitution,
        d.studyProgramme,
        d.placementSiteId,
        d.placementSiteId ? "" : d.placementSiteName,
        d.startDate,
        d.endDate,
        s.submittedAt ? r.pick(orderStates) : "not_ordered",
        (problems[k] ?? []).filter((x) => !x.warning).length,
      ]);
    });
    count("placement_rows", s.rows);
    if (pending.length >= 5_000) {
      await insertMany(database, "placement_rows", rowColumns, pending);
      pending = [];
    }
  }
  await insertMany(database, "placement_rows", rowColumns, pending);

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
  const campaigns = await generateRegistrations(database, {
    r,
    crypto: o.crypto,
    seed: o.seed,
    now,
    today,
    thisYear,
    trustIds: trusts.map((t) => t.id),
    agreements: agreements.map((a) => ({ trust: a.trust, institutionId: a.institution.id })),
    fou,
    persons,
    listInstitutionId: institutionId(names.listInstitution),
    openInstitutionId: institutionId(names.importInstitution),
    sizes: o.sizes,
    count,
  });
  const orderProgramme = fixedProgrammes(names.importInstitution)[0] as Programme;
  const orders = await generateOrders(database, {
    r,
    crypto: o.crypto,
    now,
    today,
    trustIds: trusts.map((t) => t.id),
    professions: trusts.map((_, ti) => professionNames.map((p) => professions.get(`${ti}:${p}`) as string)),
    fou: fou.map((list) => list[0] as string),
    persons: persons[0] as Person[],
    siteIds: (sites[0] as Site[]).map((s) => s.id),
    programme: {
      id: orderProgramme.id,
      name: orderProgramme.name,
      institutionId: orderProgramme.institution.id,
      institutionName: orderProgramme.institution.name,
    },
    sizes: { small: o.sizes.smallSheet, sheet: o.sizes.sheet },
    rounds: o.orderRounds,
    count,
  });
  await query(database, "analyze");

  const id = (email: string) => users.find((u) => u.email === email)?.id as string;
  return {
    fixtures: {
      trustId: bergen.id,
      ids: { fou: id(fixtureUsers.fou), admin: id(fixtureUsers.admin) },
      listInstitutionId: institutionId(names.listInstitution),
      users: fixtureUsers,
      sheets: { small: small.id, medium: medium.id, large: large.id },
      overview: docA.id,
      exportOverview: docB.id,
      importTargets: importDocs.map((d) => d.id),
      searchSurname: names.searchedSurname,
      campaigns,
      orders,
    },
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
