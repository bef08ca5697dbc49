import { normalizeMobile } from "../src/domain/contact.ts";
import { addDays } from "../src/domain/dates.ts";
import type { Site } from "../src/domain/placement-row/context.ts";
import { emptyRow, type RowData } from "../src/domain/placement-row/fields.ts";
import { rowPlaces } from "../src/server/modules/overviews/row-codec.ts";
import { sheetProblems } from "../src/server/modules/overviews/sheet-rows.ts";
import { nationalIdPlace } from "../src/server/modules/persons/persons.public.ts";
import { ascii, type GenerateContext } from "./generate-context.ts";
import type { SheetPlan } from "./generate-documents.ts";
import type { Organisation } from "./generate-organisation.ts";
import { insertMany } from "./insert-many.ts";
import * as names from "./names.ts";
import { nationalIds, type Person, type Random } from "./synthetic.ts";

/** A Norwegian mobile number in E.164 that the app's rules accept. */
function mobileNumber(r: Random): string {
  for (;;) {
    const typed = `+479${String(r.int(10_000_000)).padStart(7, "0")}`;
    if (normalizeMobile(typed).ok) return typed;
  }
}

/**
 * The students of each trust (national IDs encrypted for their row) and the placement rows of
 * every sheet, each student on several sheets of their trust; the students by trust.
 */
export async function generatePersonsAndRows(
  g: GenerateContext,
  { trusts, sites }: Organisation,
  sheets: SheetPlan[],
): Promise<Person[][]> {
  const { database, o, r, now, counts, count } = g;
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
    const problems = await sheetProblems(data, {
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

  return persons;
}
