import { normalizeEmail, normalizeMobile } from "../contact.ts";
import { isIsoDate } from "../dates.ts";
import { endOutsidePeriod } from "../extension.ts";
import { holdsNationalId } from "../free-text.ts";
import { validateNationalId } from "../national-id.ts";
import { nameMatcher } from "../similarity.ts";
import type { RowContext, Site } from "./context.ts";
import { fieldInfo, type RowData, type RowField, type RowInput } from "./fields.ts";
import type { Problem } from "./problem.ts";

/** The problem codes that need the sheet's period: pending while the period is not known. */
export const periodChecks = ["date.outside_period"] as const;

type Matcher = (name: string) => string[];
/** Matchers by list of site names (a trust's list, read anew on each request): the last few lists. */
const matchersByNames = new Map<string, Matcher>();
const keptLists = 16;
/** The matcher of each list object, so a sheet's rows look up their list's names once. */
const siteMatchers = new WeakMap<readonly Site[], Matcher>();

/** Suggestions for a site name not in the list; answers are kept per list of names across sheets. */
function nearestSites(name: string, sites: readonly Site[]): string[] {
  let match = siteMatchers.get(sites);
  if (!match) {
    const names = sites.map((s) => s.name);
    const key = names.join("\n");
    match = matchersByNames.get(key);
    if (!match) {
      match = nameMatcher(names);
      if (matchersByNames.size >= keptLists) matchersByNames.delete(matchersByNames.keys().next().value as string);
      matchersByNames.set(key, match);
    }
    siteMatchers.set(sites, match);
  }
  return match(name);
}

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
        suggestions: nearestSites(d.placementSiteName, ctx.sites),
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
      const outside =
        f === "endDate"
          ? endOutsidePeriod(d[f], { start, end }, { extended: Boolean(d.extendedFrom), maxDays: ctx.extensionMaxDays })
          : d[f] < start || d[f] > end;
      if (isIsoDate(d[f]) && outside) {
        p.push({ field: f, code: "date.outside_period", details: { reason: "period", start, end } });
      }
    }
  }
  return p;
}

/**
 * The problems of one field of `d`: the same checks as {@link rowProblems}, for the grid's check as
 * one types. The checks that compare fields (end before start, a birth date needed without a
 * national ID) read the other fields from `d`.
 */
export const fieldProblems = (field: RowField, d: RowData, ctx: RowContext): Problem[] =>
  rowProblems(d, ctx).filter((p) => p.field === field);

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
    const { key, cellKey } = fieldInfo(p.field);
    if (given.has(key) || given.has(cellKey)) {
      if (p.field === "nationalId" && !d.nationalId) continue;
      issues.push({ path: p.field, message: p.code });
    }
  }
  if (unknownSiteId) issues.push({ path: "placementSiteId", message: "placement_site.unknown" });
  return issues;
}
