import type { ProblemDetails, Row, RowField, RowInput } from "../../../../contracts/overviews.ts";
import { formatMobile } from "../../../../domain/contact.ts";
import { formatDate, parseDate } from "../../../../domain/dates.ts";
import { dataOfAnswer } from "../../../../domain/placement-row/answer.ts";
import type { RowContext, Site } from "../../../../domain/placement-row/context.ts";
import { emptyRow, fieldInfo } from "../../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../../domain/placement-row/input.ts";
import { fieldProblems } from "../../../../domain/placement-row/problems.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";

/** A problem of a cell: from the server (with what was found, `details`) or from the check as one types. */
export type CellProblem = { code: string; warning?: boolean; suggestions?: string[]; details?: ProblemDetails };

export interface CheckContext {
  kind: SheetKind;
  testMode: boolean;
  periodStart: string;
  periodEnd: string;
  /** The trust's placement sites. */
  sites: Site[];
  /** The row as stored: the checks that compare fields read its other values. */
  row?: Row;
  /** The row's other placement date as typed (a draft), to check that the end comes after the start. */
  startDate?: string | null;
  endDate?: string | null;
}

/** The text a cell shows for a row's stored value (dates as dd.mm.yyyy, mobile nationally formatted). */
export function displayValue(row: Row, field: RowField, revealed?: string): string {
  const f = fieldInfo(field);
  const value = (row as unknown as Record<string, string | null>)[f.form === "nationalId" ? `${f.key}Masked` : f.key];
  switch (f.form) {
    case "nationalId":
      return revealed ?? value ?? "";
    case "site":
      return row.placementSiteName;
    case "date":
      return value ? formatDate(value) : "";
    case "mobile":
      return value?.startsWith("+") ? formatMobile(value) : (value ?? "");
    default:
      return value ?? "";
  }
}

/** The value an editor starts with: what the cell shows, except the whole national ID once revealed. */
export function editValue(row: Row, field: RowField, revealed?: string): string {
  const f = fieldInfo(field);
  if (f.form === "nationalId") return revealed ?? "";
  if (f.form === "site") return row.placementSiteId ?? "";
  return displayValue(row, field);
}

/**
 * Validation as one types: the server's own checks (`fieldProblems`, from `rowProblems` in
 * src/domain/placement-row/problems.ts) on the row with the typed value in place, plus the typed
 * value's warnings (a leading zero put back).
 */
export function checkCell(field: RowField, raw: string, ctx: CheckContext): CellProblem[] {
  const base = ctx.row
    ? { ...dataOfAnswer(ctx.row, ctx.row.anonymisedAt !== null), extendedFrom: ctx.row.extendedFrom ?? null }
    : emptyRow;
  const dates = {
    ...(ctx.startDate !== undefined ? { startDate: ctx.startDate ?? "" } : {}),
    ...(ctx.endDate !== undefined ? { endDate: ctx.endDate ?? "" } : {}),
  };
  const rowCtx: RowContext = {
    kind: ctx.kind,
    periodStart: ctx.periodStart,
    periodEnd: ctx.periodEnd,
    testMode: ctx.testMode,
    sites: ctx.sites,
  };
  const typed = applyInput({ ...base, ...dates }, toInput(field, raw), rowCtx);
  const problems: CellProblem[] = fieldProblems(field, typed.data, rowCtx).map(({ field: _, ...p }) => p);
  for (const w of typed.warnings) if (w.field === field) problems.push({ code: w.code, warning: true });
  return problems;
}

/** What is sent for a typed value: dates as YYYY-MM-DD when they parse, everything else as typed. */
export function toInput(field: RowField, raw: string): RowInput {
  const value = raw.trim();
  switch (fieldInfo(field).form) {
    case "site":
      return { placementSiteId: value || null };
    case "date":
      return { [field]: parseDate(value) ?? value };
    case "nationalId":
      return { [field]: value.replace(/[ \u00a0]/g, "") };
    default:
      return { [field]: value };
  }
}

/** A value from the change history as people read it (the one rule of notifications and e-mails too). */
export { formatChangeValue } from "../../../../domain/change-values.ts";
