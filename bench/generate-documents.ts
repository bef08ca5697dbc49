import { addDays } from "../src/domain/dates.ts";
import { documentName, sheetName } from "../src/domain/naming-standard.ts";
import type { GenerateContext } from "./generate-context.ts";
import type { Organisation, Programme } from "./generate-organisation.ts";
import { insertMany } from "./insert-many.ts";
import * as names from "./names.ts";

/** A document: one per student group (institution, programme, cohort); `sheets`: how many it has so far. */
interface Doc {
  id: string;
  trust: number;
  programme: Programme;
  cohort: number;
  sheets: number;
}

/** A sheet to insert, with how many placement rows it gets (generate-rows.ts). */
export interface SheetPlan {
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

/**
 * The documents of the region (and the fixed ones at Helse Bergen: the small list's and the empty
 * import targets) with their student groups, and their sheets over five years of periods; the
 * measured sheets of the small list's first two documents.
 */
export async function generateDocuments(
  g: GenerateContext,
  { trusts, programmes, coordinators, listCoordinator }: Organisation,
) {
  const { database, o, r, today, thisYear, count } = g;
  // Documents: one per student group (institution, programme, cohort).
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

  return { sheets, small, medium, large, docA, docB, importDocs, fixedProgrammes };
}
