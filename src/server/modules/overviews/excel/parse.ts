import type ExcelJS from "exceljs";
import type { Problem } from "../../../../contracts/overviews.ts";
import { type ColumnKey, columnForHeader, templateColumns } from "../../../../domain/overview-template.ts";
import { type CellValues, fieldOfColumn } from "../../../../domain/placement-row/fields.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";
import { detectSheetKind, findHeaderRow } from "./header-row.ts";
import type { checkUpload } from "./limits.ts";
import { loadWorkbook } from "./load-workbook.ts";
import { dateOf, idOf, textOf } from "./read-cells.ts";
import { defaultUploadLimits, type UploadLimits, UploadRejectedError, type UploadSummary } from "./upload-rules.ts";

/**
 * Reads an overview workbook (SPEC §3.6) into plain rows, forgiving of what people do to sheets:
 * title rows above the header, either header language, any column order, stray spaces, extra
 * columns, dates as Excel dates, serials or `dd.mm.yyyy` text, national IDs stored as numbers,
 * e-mail addresses as hyperlinks. It validates nothing against the trust's lists and writes nothing:
 * the import use-case validates the values (national ID, e-mail, mobile, period, placement site),
 * matches the rows and saves. Only what a cell alone shows is reported here (an unreadable date).
 */

/**
 * A row's values as read, keyed by each field's `cellKey` (the placement site by name: `placementSiteName`;
 * src/domain/placement-row/fields.ts). A key is present when the sheet has that column (the empty string when
 * the cell is empty) and absent when the sheet lacks the column — so a re-import can leave alone
 * what the file does not speak of. Dates are `YYYY-MM-DD` when readable, else the text as typed (with
 * a `date.invalid` problem). National IDs and D-numbers are digits as text; a number Excel stored
 * without its leading zero comes as 10 digits, for `validateNationalId` to restore with its warning.
 * A masked number from our own export (`010190 *****`) is left out, as if the column were absent.
 */
export type OverviewValues = CellValues;

/** A problem with one cell, named by the column's header as the file has it (the import report's shape). */
export type ImportProblem = Problem & { column: string | null };

/**
 * Something the reader noticed about a sheet, not about a row:
 * - `import.column_ignored` (column: the header): a column the template does not know;
 * - `import.state_column_ignored` (column): Registrert/Bestilt/Learning portal user — the app knows those states;
 * - `import.column_duplicate` (column): a second column for the same field; the first one is read;
 * - `import.column_missing` (column: the template's header): a template column the sheet lacks;
 * - `import.title_rows_skipped` (column: null): the header was not the first row;
 * - `import.national_ids_masked` (column): masked national IDs, kept as they are in the app.
 */
export interface ImportNotice {
  code: string;
  column: string | null;
}

/**
 * A student row. Rows with nothing in any read column (the row ID aside) are skipped: a row whose
 * cells someone cleared in an exported file counts as removed.
 */
export interface ParsedRow {
  /** The row's number in the sheet, 1-based as Excel shows it. */
  rowNumber: number;
  /** The hidden `Rad-ID` of an exported file, when present and a UUID. */
  rowId: string | null;
  values: OverviewValues;
  /** The Kommentar/Comment cell, trimmed; null when empty or absent. See {@link parseCommentCell}. */
  comment: string | null;
  /** Cell problems the reader can know alone (unreadable date, broken row ID). */
  problems: ImportProblem[];
}

export interface ParsedColumn {
  key: ColumnKey;
  /** The header as written in the file, trimmed. */
  header: string;
  /** 1-based column number. */
  column: number;
}

export interface ParsedSheet {
  name: string;
  kind: SheetKind;
  /** 1-based row number of the header row. */
  headerRowNumber: number;
  /** The columns read (state columns and ignored columns are not here). */
  columns: ParsedColumn[];
  rows: ParsedRow[];
  notices: ImportNotice[];
}

export interface SkippedSheet {
  name: string;
  /** `hidden`: a hidden sheet; `no_header_row`: no row in the first ten names three template columns. */
  reason: "hidden" | "no_header_row";
}

export interface ParsedWorkbook {
  /** Visible sheets with a header row, in workbook order. */
  sheets: ParsedSheet[];
  skippedSheets: SkippedSheet[];
  /** What {@link checkUpload} learned. */
  upload: UploadSummary;
}

export interface ParseOptions {
  /** Limits for {@link checkUpload}, which runs first. */
  limits?: Partial<UploadLimits>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maskedIdPattern = /^(?:\d{6}[ \u00a0]?\*{5}|\*{11})$/;

function parseSheet(ws: ExcelJS.Worksheet, maxRows: number): ParsedSheet | null {
  const best = findHeaderRow(ws);
  if (!best) return null;

  const kind = detectSheetKind(ws.name, [...best.texts.values()]);
  const notices: ImportNotice[] = [];
  if (best.rowNumber > 1) notices.push({ code: "import.title_rows_skipped", column: null });

  const columns: ParsedColumn[] = [];
  const seen = new Set<ColumnKey>();
  const stateKeys = new Set(templateColumns[kind].filter((c) => c.state).map((c) => c.key));
  for (const [column, header] of [...best.texts.entries()].sort((a, b) => a[0] - b[0])) {
    const key = columnForHeader(kind, header);
    if (!key) notices.push({ code: "import.column_ignored", column: header });
    else if (stateKeys.has(key)) notices.push({ code: "import.state_column_ignored", column: header });
    else if (seen.has(key)) notices.push({ code: "import.column_duplicate", column: header });
    else {
      seen.add(key);
      columns.push({ key, header, column });
    }
  }
  for (const c of templateColumns[kind]) {
    if (!c.state && c.key !== "comment" && !seen.has(c.key)) {
      notices.push({ code: "import.column_missing", column: c.header });
    }
  }

  const rows: ParsedRow[] = [];
  const maskedColumns = new Set<string>();
  const headerRowNumber = best.rowNumber;
  // eachRow visits only the rows the file has: a lone cell in row 1,048,576 costs one row, not a million.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRowNumber) return;
    const values: OverviewValues = {};
    const problems: ImportProblem[] = [];
    let rowId: string | null = null;
    let comment: string | null = null;
    let filled = false;
    for (const { key, header, column } of columns) {
      const cell = row.getCell(column);
      if (key === "rowId") {
        const id = textOf(cell.value);
        if (id && uuidPattern.test(id)) rowId = id.toLowerCase();
        else if (id) problems.push({ field: null, code: "import.row_id_invalid", warning: true, column: header });
        continue;
      }
      if (key === "comment") {
        const text = textOf(cell.value, false);
        comment = text || null;
        if (text) filled = true;
        continue;
      }
      const field = fieldOfColumn(key);
      if (!field) continue;
      if (field.form === "date") {
        const { date, raw } = dateOf(cell.value);
        values[field.cellKey] = date ?? raw;
        if (raw) filled = true;
        if (raw && !date) problems.push({ field: field.key, code: "date.invalid", column: header });
      } else if (field.form === "nationalId") {
        const id = idOf(cell);
        if (id) filled = true;
        if (maskedIdPattern.test(id)) maskedColumns.add(header);
        else values[field.cellKey] = id;
      } else {
        const text = textOf(cell.value);
        values[field.cellKey] = text;
        if (text) filled = true;
      }
    }
    if (!filled) return;
    if (rows.length >= maxRows) {
      throw new UploadRejectedError(
        "upload.too_many_rows",
        `The sheet "${ws.name}" has too many rows (more than ${maxRows.toLocaleString("en-GB")}). Split it into several sheets or files.`,
        { sheet: ws.name, max: maxRows },
      );
    }
    rows.push({ rowNumber: r, rowId, values, comment, problems });
  });
  for (const column of maskedColumns) notices.push({ code: "import.national_ids_masked", column });

  return { name: ws.name, kind, headerRowNumber: best.rowNumber, columns, rows, notices };
}

/**
 * Reads every visible worksheet of an overview workbook. Runs {@link checkUpload} first, so an
 * oversized or malformed upload is refused (with an {@link UploadRejectedError}) before exceljs
 * parses it; a file exceljs cannot read at all is refused as `upload.not_xlsx`.
 */
export async function parseOverviewWorkbook(buffer: Buffer, options: ParseOptions = {}): Promise<ParsedWorkbook> {
  const { wb, upload } = await loadWorkbook(buffer, options.limits);
  const maxRows = options.limits?.maxRowsPerSheet ?? defaultUploadLimits.maxRowsPerSheet;
  const sheets: ParsedSheet[] = [];
  const skippedSheets: SkippedSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === "hidden" || ws.state === "veryHidden") {
      skippedSheets.push({ name: ws.name, reason: "hidden" });
      continue;
    }
    const sheet = parseSheet(ws, maxRows);
    if (sheet) sheets.push(sheet);
    else skippedSheets.push({ name: ws.name, reason: "no_header_row" });
  }
  return { sheets, skippedSheets, upload };
}
