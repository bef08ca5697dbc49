import type { z } from "zod";
import type { Problem, RowField, RowInput } from "../../../contracts/overviews.ts";
import type {
  importPeriodsSchema,
  importRowReportSchema,
  importSheetReportSchema,
} from "../../../contracts/overviews-import.ts";
import { normalizeEmail } from "../../../domain/contact.ts";
import { maskNationalIdsInText } from "../../../domain/free-text.ts";
import { changedFieldsOf, displayValue, rowLabel } from "../../../domain/placement-row/changes.ts";
import type { RowContext, Site } from "../../../domain/placement-row/context.ts";
import { emptyRow, fieldInfo, type RowData } from "../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../domain/placement-row/input.ts";
import { isError, periodChecks } from "../../../domain/placement-row/problems.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { normalizeName } from "../../../domain/similarity.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { nationalIdMaskedCode } from "../../shared/free-text.ts";
import { mapInSlices } from "../../shared/slices.ts";
import { parseCommentCell } from "./excel/comment-cell.ts";
import type { ParsedRow, ParsedSheet, ParsedWorkbook } from "./excel/parse.ts";
import { createOverviewsRepository, type SheetRecord } from "./overviews.repository.ts";
import type { Codec } from "./row-codec.ts";
import { type LoadedRow, loadRows, sheetProblems } from "./sheet-rows.ts";

type RowReport = z.infer<typeof importRowReportSchema>;
type SheetReport = z.infer<typeof importSheetReportSchema>;

/** The template column a problem's field is read from, for the report's `column`. */

export interface PlannedRow {
  rowNumber: number;
  existing: LoadedRow | null;
  data: RowData;
  changed: RowField[];
  comments: string[];
  /** The row's problems in the sheet once saved, duplicates included. */
  problems: Problem[];
  report: RowReport;
}

export interface PlannedSheet {
  parsed: ParsedSheet;
  existing: SheetRecord | null;
  period: { startDate: string; endDate: string } | null;
  rows: PlannedRow[];
  removed: LoadedRow[];
  report: SheetReport;
}

/**
 * `base` with the fields a line of the file names, as `applyInput` gives them: it sets exactly the
 * fields its input names (a site by id or name sets both the site's id and name), each from the
 * input alone, so the line is read once (`typed`, on an empty row) and laid over the row it matches.
 */
function overlay(base: RowData, typed: RowData, input: RowInput): RowData {
  const d: RowData = { ...base };
  for (const key of Object.keys(input) as (keyof RowInput)[]) {
    if (input[key] === undefined) continue;
    if (key === "placementSiteId" || key === "placementSiteName") {
      d.placementSiteId = typed.placementSiteId;
      d.placementSiteName = typed.placementSiteName;
    } else d[key] = typed[key];
  }
  return d;
}

/**
 * Matches file rows to a sheet's rows: row ID, then national ID, then e-mail, then name and birth
 * date. An anonymised row is only found by its row ID (an exported and re-imported document), never
 * by a student's details; one that no line of the file names is removed like any other.
 */
function matcher(existing: LoadedRow[]) {
  const free = new Set(existing.map((r) => r.rec.id));
  const take = (pred: (r: LoadedRow) => boolean, opts: { anonymised?: boolean } = {}) => {
    const hit = existing.find((r) => free.has(r.rec.id) && (opts.anonymised || !r.data.anonymised) && pred(r));
    if (hit) free.delete(hit.rec.id);
    return hit ?? null;
  };
  return {
    match(rowId: string | null, d: RowData): LoadedRow | null {
      if (rowId) {
        const byId = take((r) => r.rec.id === rowId, { anonymised: true });
        if (byId) return byId;
      }
      if (d.nationalId) {
        const byId = take((r) => r.data.nationalId === d.nationalId);
        if (byId) return byId;
      }
      if (d.dNumber) {
        const byD = take((r) => r.data.dNumber === d.dNumber);
        if (byD) return byD;
      }
      if (normalizeEmail(d.email).ok) {
        const byEmail = take((r) => r.data.email === d.email);
        if (byEmail) return byEmail;
      }
      if (d.lastName && d.firstName && d.birthDate) {
        const n = (r: RowData) => `${normalizeName(r.lastName)}|${normalizeName(r.firstName)}|${r.birthDate}`;
        return take((r) => n(r.data) === n(d));
      }
      return null;
    },
    remaining: () => existing.filter((r) => free.has(r.rec.id)),
  };
}

/**
 * A line of the file naming an anonymised row by its row ID: the row is read-only, so it stays as
 * it is (neither changed nor removed) and the line's values and comments are not read — with a
 * warning when they differ from the row.
 */
function anonymisedLine(pr: ParsedRow, hit: LoadedRow, typed: RowData): PlannedRow {
  const ignored =
    changedFieldsOf(hit.data, overlay(hit.data, typed, pr.values)).length > 0 ||
    parseCommentCell(pr.comment).some((c) => !c.signed);
  return {
    rowNumber: pr.rowNumber,
    existing: hit,
    data: hit.data,
    changed: [],
    comments: [],
    problems: [],
    report: {
      rowNumber: pr.rowNumber,
      action: "unchanged",
      rowId: hit.rec.id,
      label: rowLabel(hit.data),
      problems: ignored ? [{ field: null, code: "rows.anonymised", warning: true, column: null }] : [],
      changes: [],
    },
  };
}

/** A line of the file against the row it matches (or none): its values, changes, comments and report. */
function plannedLine(
  pr: ParsedRow,
  hit: LoadedRow | null,
  typed: ReturnType<typeof applyInput>,
  headerOf: Map<string, string>,
): PlannedRow {
  const data = hit ? overlay(hit.data, typed.data, pr.values) : typed.data;
  const changed = hit ? changedFieldsOf(hit.data, data) : [];
  // Unsigned lines become comments: free text, so national IDs in them are masked (a row warning).
  const comments = parseCommentCell(pr.comment)
    .filter((c) => !c.signed)
    .map((c) => maskNationalIdsInText(c.body));
  const commentMasked = comments.some((c) => c.masked > 0);
  return {
    rowNumber: pr.rowNumber,
    existing: hit,
    data,
    changed,
    comments: comments.map((c) => c.text),
    problems: [],
    report: {
      rowNumber: pr.rowNumber,
      action: hit ? (changed.length ? "change" : "unchanged") : "add",
      rowId: hit?.rec.id ?? null,
      label: rowLabel(data),
      problems: [
        ...pr.problems,
        ...typed.warnings.map((w) => ({
          field: w.field,
          code: w.code,
          warning: true,
          column: headerOf.get(fieldInfo(w.field).column) ?? null,
        })),
        ...(commentMasked
          ? [{ field: null, code: nationalIdMaskedCode, warning: true, column: headerOf.get("comment") ?? null }]
          : []),
      ],
      changes: hit
        ? changed.map((f) => ({
            field: f,
            from: displayValue(hit.data, f) || null,
            to: displayValue(data, f) || null,
          }))
        : [],
    },
  };
}

/**
 * What an import would do to each sheet of the document: the file's sheets matched to the
 * document's by name (each existing one locked and its rows loaded once), their lines to the rows,
 * with every check and the report.
 */
export async function planImport(
  tx: DbOrTx,
  codec: Codec,
  target: { overviewId: string; testMode: boolean; sites: Site[] },
  workbook: ParsedWorkbook,
  periods: z.infer<typeof importPeriodsSchema>,
): Promise<PlannedSheet[]> {
  const { testMode, sites } = target;
  const repo = createOverviewsRepository({ db: tx });
  const sheetsByName = await repo.sheetsByName(target.overviewId);
  const planned: PlannedSheet[] = [];
  for (const parsed of workbook.sheets) {
    const existing = sheetsByName.get(parsed.name.trim()) ?? null;
    const kind: SheetKind = (existing?.kind as SheetKind | undefined) ?? parsed.kind;
    const period = existing
      ? { startDate: existing.startDate, endDate: existing.endDate }
      : (periods[parsed.name.trim()] ?? periods[parsed.name] ?? null);
    // Without the period (a new sheet the upload gives no dates for) every check runs but those against it.
    const ctx: RowContext = {
      kind,
      periodStart: period?.startDate ?? null,
      periodEnd: period?.endDate ?? null,
      testMode,
      sites,
    };
    if (existing) await repo.lockSheet(existing.id);
    const current = existing ? await loadRows(tx, codec, existing.id, sites, { forUpdate: true }) : [];
    const m = matcher(current);
    const headerOf = new Map(parsed.columns.map((c) => [c.key as string, c.header]));
    const rows = await mapInSlices(parsed.rows, (pr) => {
      const typed = applyInput(emptyRow, pr.values, { testMode, sites });
      const hit = m.match(pr.rowId, typed.data);
      return hit?.data.anonymised ? anonymisedLine(pr, hit, typed.data) : plannedLine(pr, hit, typed, headerOf);
    });
    const removed = m.remaining();
    const problems = await sheetProblems(
      rows.map((r) => r.data),
      ctx,
      rows.map((r) => r.rowNumber),
    );
    rows.forEach((r, i) => {
      r.problems = problems[i] ?? [];
      const seen = new Set(r.report.problems.map((p) => `${p.field}|${p.code}`));
      for (const p of r.problems) {
        if (seen.has(`${p.field}|${p.code}`)) continue;
        r.report.problems.push({ ...p, column: p.field ? (headerOf.get(fieldInfo(p.field).column) ?? null) : null });
      }
    });
    planned.push({
      parsed,
      existing,
      period,
      rows,
      removed,
      report: {
        name: parsed.name,
        kind,
        sheetId: existing?.id ?? null,
        needsPeriod: !period,
        pendingChecks: period ? [] : [...periodChecks],
        errorRowCount: rows.filter((r) => r.report.problems.some((p) => isError(p))).length,
        added: rows.filter((r) => r.report.action === "add").length,
        changed: rows.filter((r) => r.report.action === "change").length,
        removed: removed.length,
        unchanged: rows.filter((r) => r.report.action === "unchanged").length,
        rows: rows.map((r) => r.report),
        removedRows: removed.map((r) => ({ rowId: r.rec.id, label: rowLabel(r.data) })),
        notices: parsed.notices,
      },
    });
  }
  return planned;
}
