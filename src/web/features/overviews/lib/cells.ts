import type { ProblemDetails, Row, RowField, RowInput } from "../../../../contracts/overviews.ts";
import { formatMobile, normalizeEmail, normalizeMobile } from "../../../../domain/contact.ts";
import { formatDate, parseDate } from "../../../../domain/dates.ts";
import { holdsNationalId } from "../../../../domain/free-text.ts";
import { validateNationalId } from "../../../../domain/national-id.ts";

/** A problem found in a cell: a stable code (translated under overviews.problems) and whether it only warns. */
/** A problem of a cell: from the server (with what was found, `details`) or from the check as one types. */
export type CellProblem = { code: string; warning?: boolean; suggestions?: string[]; details?: ProblemDetails };

export interface CheckContext {
  testMode: boolean;
  periodStart: string;
  periodEnd: string;
  /** The row's other placement date, to check that the end comes after the start. */
  startDate?: string | null;
  endDate?: string | null;
}

/** The text a cell shows for a row's stored value (dates as dd.mm.yyyy, mobile nationally formatted). */
export function displayValue(row: Row, field: RowField, revealed?: string): string {
  switch (field) {
    case "nationalId":
      return revealed ?? row.nationalIdMasked ?? "";
    case "dNumber":
      return revealed ?? row.dNumberMasked ?? "";
    case "placementSiteId":
      return row.placementSiteName;
    case "startDate":
    case "endDate":
    case "birthDate": {
      const v = row[field];
      return v ? formatDate(v) : "";
    }
    case "mobile":
      return row.mobile.startsWith("+") ? formatMobile(row.mobile) : row.mobile;
    default:
      return row[field] ?? "";
  }
}

/** The value an editor starts with: what the cell shows, except the whole national ID once revealed. */
export function editValue(row: Row, field: RowField, revealed?: string): string {
  if (field === "nationalId" || field === "dNumber") return revealed ?? "";
  if (field === "placementSiteId") return row.placementSiteId ?? "";
  return displayValue(row, field);
}

/**
 * Validation as one types (the server repeats it): national ID, e-mail, mobile, a previous username
 * that is no national ID, dates inside the period.
 */
export function checkCell(field: RowField, raw: string, ctx: CheckContext): CellProblem[] {
  const value = raw.trim();
  switch (field) {
    case "lastName":
    case "firstName":
      return value ? [] : [{ code: "name.empty" }];
    case "nationalId":
    case "dNumber": {
      if (!value) return [];
      const result = validateNationalId(value, { testMode: ctx.testMode });
      if (!result.ok) return [{ code: result.code }];
      const problems: CellProblem[] = result.warnings.map((w) => ({ code: w, warning: true }));
      if (field === "dNumber" && !result.dNumber) problems.push({ code: "national_id.not_d_number", warning: true });
      return problems;
    }
    case "email": {
      const result = normalizeEmail(value);
      return result.ok ? [] : [{ code: result.code }];
    }
    case "mobile": {
      const result = normalizeMobile(value);
      return result.ok ? [] : [{ code: result.code }];
    }
    case "previousUsername":
      return holdsNationalId(value) ? [{ code: "previous_username.national_id" }] : [];
    case "birthDate": {
      if (!value) return [];
      return parseDate(value) ? [] : [{ code: "date.invalid" }];
    }
    case "startDate":
    case "endDate": {
      if (!value) return [{ code: "date.empty" }];
      const iso = parseDate(value);
      if (!iso) return [{ code: "date.invalid" }];
      if (iso < ctx.periodStart || iso > ctx.periodEnd) return [{ code: "date.outside_period" }];
      if (field === "endDate" && ctx.startDate && iso < ctx.startDate) return [{ code: "date.end_before_start" }];
      if (field === "startDate" && ctx.endDate && iso > ctx.endDate) return [{ code: "date.end_before_start" }];
      return [];
    }
    default:
      return [];
  }
}

/** What is sent for a typed value: dates as YYYY-MM-DD when they parse, everything else as typed. */
export function toInput(field: RowField, raw: string): RowInput {
  const value = raw.trim();
  switch (field) {
    case "placementSiteId":
      return { placementSiteId: value || null };
    case "startDate":
    case "endDate":
    case "birthDate":
      return { [field]: parseDate(value) ?? value };
    case "nationalId":
    case "dNumber":
      return { [field]: value.replace(/[ \u00a0]/g, "") };
    default:
      return { [field]: value };
  }
}

/** A value from the change history as people read it (the one rule of notifications and e-mails too). */
export { formatChangeValue } from "../../../../domain/change-values.ts";
