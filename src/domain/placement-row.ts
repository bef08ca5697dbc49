import type { Problem, RowField, RowInput } from "../contracts/overviews.ts";
import { normalizeEmail, normalizeMobile } from "./contact.ts";
import { type IsoDate, isIsoDate, overlaps, parseDate } from "./dates.ts";
import { holdsNationalId, maskNationalIdsInText } from "./free-text.ts";
import { maskNationalId, validateNationalId } from "./national-id.ts";
import type { SheetKind } from "./overview-template.ts";
import { nearestNames, normalizeName } from "./similarity.ts";

/**
 * A row in plain form, in memory only: what the coordinator typed, normalized where the value is
 * valid (national IDs as 11 digits, e-mail lower-cased, mobile in E.164, dates as YYYY-MM-DD) and
 * kept as typed where it is not. Problems are computed from it; the database holds it with the
 * national ID and D-number encrypted.
 */
export interface RowData {
  lastName: string;
  firstName: string;
  nationalId: string;
  birthDate: string;
  nationality: string;
  email: string;
  mobile: string;
  homeInstitution: string;
  studyProgramme: string;
  placementSiteId: string | null;
  /** The site's name: from the trust's list when `placementSiteId` is set, else as typed. */
  placementSiteName: string;
  startDate: string;
  endDate: string;
  dNumber: string;
  previousUsername: string;
  /**
   * Whether the retention job emptied the row's personal data (`anonymised_at`): such a row has no
   * problems, is never a duplicate and is read-only. Not a field anyone types.
   */
  anonymised: boolean;
}

export const emptyRow: RowData = {
  lastName: "",
  firstName: "",
  nationalId: "",
  birthDate: "",
  nationality: "",
  email: "",
  mobile: "",
  homeInstitution: "",
  studyProgramme: "",
  placementSiteId: null,
  placementSiteName: "",
  startDate: "",
  endDate: "",
  dNumber: "",
  previousUsername: "",
  anonymised: false,
};

export interface Site {
  id: string;
  name: string;
}

export interface RowContext {
  kind: SheetKind;
  /**
   * The sheet's period; null while it is not known (a new sheet in an import's first check): the
   * checks against it (`periodChecks`) are then pending, every other check runs.
   */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  testMode: boolean;
  sites: Site[];
}

/** The fields compared for changes, in the template's order. */
export const trackedFields: RowField[] = [
  "lastName",
  "firstName",
  "nationalId",
  "birthDate",
  "nationality",
  "email",
  "mobile",
  "homeInstitution",
  "studyProgramme",
  "placementSiteId",
  "startDate",
  "endDate",
  "dNumber",
  "previousUsername",
];

function normalizeNationalId(raw: string, testMode: boolean) {
  const s = raw.trim();
  if (!s) return { value: "", warnings: [] as string[] };
  const r = validateNationalId(s, { testMode });
  return r.ok ? { value: r.value, warnings: r.warnings as string[] } : { value: s, warnings: [] };
}

export const siteByName = (sites: Site[], name: string) => {
  const n = normalizeName(name);
  return sites.find((s) => normalizeName(s.name) === n);
};

/**
 * An identifier kept as typed because it is not valid: a national ID in it is masked, so the plain
 * number is never stored; the mask still flags the field (`holdsNationalId`).
 */
const keptAsTyped = (value: string) => maskNationalIdsInText(value.trim()).text;

/**
 * `base` with the fields `input` names, each normalized. A placement site id that is not in the
 * trust's list is reported in `unknownSiteId` (the caller refuses it); a site name is matched to the
 * list (case, spaces and punctuation aside) and kept as typed when unknown. An e-mail address or
 * previous username holding a national ID is kept masked, with its problem.
 */
export function applyInput(
  base: RowData,
  input: RowInput,
  ctx: Pick<RowContext, "testMode" | "sites">,
): { data: RowData; warnings: { field: RowField; code: string }[]; unknownSiteId: boolean } {
  const d: RowData = { ...base };
  const warnings: { field: RowField; code: string }[] = [];
  let unknownSiteId = false;
  const t = (v: string) => v.trim().replace(/\s+/g, " ");
  if (input.lastName !== undefined) d.lastName = t(input.lastName);
  if (input.firstName !== undefined) d.firstName = t(input.firstName);
  if (input.nationality !== undefined) d.nationality = t(input.nationality);
  if (input.homeInstitution !== undefined) d.homeInstitution = t(input.homeInstitution);
  if (input.studyProgramme !== undefined) d.studyProgramme = t(input.studyProgramme);
  if (input.previousUsername !== undefined) d.previousUsername = keptAsTyped(input.previousUsername);
  if (input.nationalId !== undefined) {
    const r = normalizeNationalId(input.nationalId, ctx.testMode);
    d.nationalId = r.value;
    for (const w of r.warnings) warnings.push({ field: "nationalId", code: w });
  }
  if (input.dNumber !== undefined) {
    const r = normalizeNationalId(input.dNumber, ctx.testMode);
    d.dNumber = r.value;
    for (const w of r.warnings) warnings.push({ field: "dNumber", code: w });
  }
  if (input.email !== undefined) {
    const r = normalizeEmail(input.email);
    d.email = r.ok ? r.value : keptAsTyped(input.email);
  }
  if (input.mobile !== undefined) {
    const r = normalizeMobile(input.mobile);
    d.mobile = r.ok ? r.value : input.mobile.trim();
  }
  for (const f of ["birthDate", "startDate", "endDate"] as const) {
    const v = input[f];
    if (v === undefined) continue;
    d[f] = parseDate(v) ?? v.trim();
  }
  if (input.placementSiteId !== undefined) {
    if (input.placementSiteId === null) {
      const name = t(input.placementSiteName ?? "");
      const site = name ? siteByName(ctx.sites, name) : undefined;
      d.placementSiteId = site?.id ?? null;
      d.placementSiteName = site?.name ?? name;
    } else {
      const site = ctx.sites.find((s) => s.id === input.placementSiteId);
      if (site) {
        d.placementSiteId = site.id;
        d.placementSiteName = site.name;
      } else unknownSiteId = true;
    }
  } else if (input.placementSiteName !== undefined) {
    const name = t(input.placementSiteName);
    const site = name ? siteByName(ctx.sites, name) : undefined;
    d.placementSiteId = site?.id ?? null;
    d.placementSiteName = site?.name ?? name;
  }
  return { data: d, warnings, unknownSiteId };
}

/** The problem codes that need the sheet's period: pending while the period is not known. */
export const periodChecks = ["date.outside_period"] as const;

/**
 * Problems of one row by itself (duplicates across the sheet come from `duplicateProblems`), with
 * `details` saying what was found where the code alone does not. An anonymised row has none: its
 * personal data were removed on purpose and nobody can fill them in.
 */
export function rowProblems(d: RowData, ctx: RowContext): Problem[] {
  if (d.anonymised) return [];
  const p: Problem[] = [];
  if (!d.lastName) p.push({ field: "lastName", code: "name.empty" });
  if (!d.firstName) p.push({ field: "firstName", code: "name.empty" });
  if (ctx.kind === "norwegian" || d.nationalId) {
    const r = validateNationalId(d.nationalId, { testMode: ctx.testMode });
    if (!r.ok) p.push({ field: "nationalId", code: r.code, ...(r.details ? { details: r.details } : {}) });
  }
  if (d.dNumber) {
    const r = validateNationalId(d.dNumber, { testMode: ctx.testMode });
    if (!r.ok) {
      const code = r.code.replace("national_id.", "d_number.");
      p.push({ field: "dNumber", code, ...(r.details ? { details: r.details } : {}) });
    }
  }
  if (d.birthDate && !isIsoDate(d.birthDate)) p.push({ field: "birthDate", code: "date.invalid" });
  if (ctx.kind === "international" && !d.birthDate && !d.dNumber && !d.nationalId) {
    p.push({ field: "birthDate", code: "date.empty" });
  }
  const email = normalizeEmail(d.email);
  if (!email.ok)
    p.push({ field: "email", code: email.code, ...("details" in email ? { details: email.details } : {}) });
  const mobile = normalizeMobile(d.mobile);
  if (!mobile.ok) {
    p.push({ field: "mobile", code: mobile.code, ...("details" in mobile ? { details: mobile.details } : {}) });
  }
  if (holdsNationalId(d.previousUsername)) p.push({ field: "previousUsername", code: "previous_username.national_id" });
  if (!d.placementSiteId) {
    if (!d.placementSiteName) p.push({ field: "placementSiteId", code: "placement_site.empty" });
    else
      p.push({
        field: "placementSiteId",
        code: "rows.unknown_placement_site",
        suggestions: nearestNames(
          d.placementSiteName,
          ctx.sites.map((s) => s.name),
        ),
        details: { reason: "not_in_list", name: d.placementSiteName },
      });
  }
  for (const f of ["startDate", "endDate"] as const) {
    if (!d[f]) p.push({ field: f, code: "date.empty" });
    else if (!isIsoDate(d[f])) p.push({ field: f, code: "date.invalid" });
  }
  if (isIsoDate(d.startDate) && isIsoDate(d.endDate) && d.endDate < d.startDate) {
    p.push({ field: "endDate", code: "date.end_before_start" });
  }
  const { periodStart: start, periodEnd: end } = ctx;
  if (start && end) {
    for (const f of ["startDate", "endDate"] as const) {
      if (isIsoDate(d[f]) && (d[f] < start || d[f] > end)) {
        p.push({ field: f, code: "date.outside_period", details: { reason: "period", start, end } });
      }
    }
  }
  return p;
}

/** How two rows were found to be the same student: national ID or D-number, e-mail, or name and birth date. */
export type IdentityKind = "national_id" | "email" | "name";

/**
 * How a student is recognised within a sheet: national ID, else e-mail, else name and birth date.
 * An anonymised row names nobody.
 */
export function identityKey(d: RowData, testMode: boolean): { key: string; kind: IdentityKind } | null {
  if (d.anonymised) return null;
  for (const id of [d.nationalId, d.dNumber]) {
    if (id && validateNationalId(id, { testMode }).ok) return { key: `id:${id}`, kind: "national_id" };
  }
  if (normalizeEmail(d.email).ok) return { key: `email:${d.email}`, kind: "email" };
  if (d.lastName && d.firstName && isIsoDate(d.birthDate))
    return { key: `name:${normalizeName(d.lastName)}|${normalizeName(d.firstName)}|${d.birthDate}`, kind: "name" };
  return null;
}

/**
 * The `rows.duplicate_student` problem of each row (by index) that is the same student as another
 * row with overlapping dates (only overlap makes it an error), else undefined. Its details say how
 * the student was recognised and, given `rowNumbers` (an import: the rows' numbers in the file),
 * on which other rows.
 */
export function duplicateProblems(rows: RowData[], testMode: boolean, rowNumbers?: number[]): (Problem | undefined)[] {
  const others = new Map<number, number[]>();
  const kinds = new Map<number, IdentityKind>();
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const id = identityKey(r, testMode);
    if (!id) return;
    kinds.set(i, id.kind);
    byKey.set(id.key, [...(byKey.get(id.key) ?? []), i]);
  });
  const pair = (a: number, b: number) => others.set(a, [...(others.get(a) ?? []), b]);
  for (const indexes of byKey.values()) {
    for (let a = 0; a < indexes.length; a++) {
      for (let b = a + 1; b < indexes.length; b++) {
        const x = rows[indexes[a] as number] as RowData;
        const y = rows[indexes[b] as number] as RowData;
        const [xs, xe, ys, ye] = [x.startDate, x.endDate, y.startDate, y.endDate];
        // Without valid dates both rows cover the whole period as far as we know.
        const overlap =
          !isIsoDate(xs) || !isIsoDate(xe) || !isIsoDate(ys) || !isIsoDate(ye) || overlaps(xs, xe, ys, ye);
        if (overlap) {
          pair(indexes[a] as number, indexes[b] as number);
          pair(indexes[b] as number, indexes[a] as number);
        }
      }
    }
  }
  return rows.map((_, i) => {
    const mates = others.get(i);
    if (!mates) return undefined;
    const reason = kinds.get(i) as IdentityKind;
    const details = rowNumbers ? { reason, rows: mates.map((j) => rowNumbers[j] as number) } : { reason };
    return { field: null, code: "rows.duplicate_student", details };
  });
}

/** Errors block submission; warnings do not. */
export const isError = (p: Problem) => !p.warning;

/**
 * Values a person may not save into a field (PATCH): not a national ID, not an e-mail address, not
 * a phone number, not a date, not a site of the trust, a national ID in an e-mail address or previous
 * username. Missing values and row-level problems (end before start, outside the period, a student
 * twice) are saved and flagged instead.
 */
export function fieldIssues(
  d: RowData,
  input: RowInput,
  ctx: RowContext,
  unknownSiteId: boolean,
): { path: string; message: string }[] {
  const given = new Set(Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined));
  const issues: { path: string; message: string }[] = [];
  const problems = rowProblems(d, ctx);
  const formatCodes = (c: string) =>
    (c.startsWith("national_id.") ||
      c.startsWith("d_number.") ||
      c.endsWith(".invalid") ||
      c.endsWith(".national_id") ||
      c === "rows.unknown_placement_site") &&
    !c.endsWith(".empty");
  for (const p of problems) {
    if (!p.field || !formatCodes(p.code)) continue;
    const inputField = p.field === "placementSiteId" ? ["placementSiteId", "placementSiteName"] : [p.field];
    if (inputField.some((f) => given.has(f))) {
      if (p.field === "nationalId" && !d.nationalId) continue;
      issues.push({ path: p.field, message: p.code });
    }
  }
  if (unknownSiteId) issues.push({ path: "placementSiteId", message: "placement_site.unknown" });
  return issues;
}

/** The value of a field as the change history and notifications show it (national IDs masked). */
export function displayValue(d: RowData, field: RowField): string {
  switch (field) {
    case "nationalId":
    case "dNumber":
      return d[field] ? maskNationalId(d[field]) : "";
    case "placementSiteId":
      return d.placementSiteName;
    default:
      return d[field];
  }
}

/** The fields whose values differ. */
export function changedFieldsOf(before: RowData, after: RowData): RowField[] {
  return trackedFields.filter((f) =>
    f === "placementSiteId"
      ? before.placementSiteId !== after.placementSiteId ||
        (!after.placementSiteId && before.placementSiteName !== after.placementSiteName)
      : before[f] !== after[f],
  );
}

export const rowLabel = (d: Pick<RowData, "lastName" | "firstName">) =>
  [d.lastName, d.firstName].filter(Boolean).join(", ");
