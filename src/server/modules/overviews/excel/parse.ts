import ExcelJS from "exceljs";
import type { Problem, RowField, RowInput } from "../../../../contracts/overviews.ts";
import { dateFromCell, parseDate } from "../../../../domain/dates.ts";
import {
  type ColumnKey,
  columnForHeader,
  normalizeHeader,
  type SheetKind,
  templateColumns,
} from "../../../../domain/overview-template.ts";
import { plainValue, unneutralise } from "./cells.ts";
import {
  checkUpload,
  defaultUploadLimits,
  type UploadLimits,
  UploadRejectedError,
  type UploadSummary,
} from "./limits.ts";

/**
 * Reads an overview workbook (SPEC §3.6) into plain rows, forgiving of what people do to sheets:
 * title rows above the header, either header language, any column order, stray spaces, extra
 * columns, dates as Excel dates, serials or `dd.mm.yyyy` text, national IDs stored as numbers,
 * e-mail addresses as hyperlinks. It validates nothing against the trust's lists and writes nothing:
 * the import use-case validates the values (national ID, e-mail, mobile, period, placement site),
 * matches the rows and saves. Only what a cell alone shows is reported here (an unreadable date).
 */

/** The value fields of a row as strings, keyed like {@link RowInput} (the placement site by name). */
export type OverviewValueKey = Exclude<keyof RowInput, "placementSiteId">;

/**
 * A row's values as read. A key is present when the sheet has that column (the empty string when
 * the cell is empty) and absent when the sheet lacks the column — so a re-import can leave alone
 * what the file does not speak of. Dates are `YYYY-MM-DD` when readable, else the text as typed (with
 * a `date.invalid` problem). National IDs and D-numbers are digits as text; a number Excel stored
 * without its leading zero comes as 10 digits, for `validateNationalId` to restore with its warning.
 * A masked number from our own export (`010190 *****`) is left out, as if the column were absent.
 */
export type OverviewValues = Partial<Record<OverviewValueKey, string>>;

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

/**
 * Worksheet parts exceljs need not read. Data validations and conditional formats over whole
 * columns make exceljs 4.4 enumerate every cell of the range (minutes, gigabytes: exceljs issues
 * #1283, #1842); merged ranges create a cell per merged address. A merged data cell is therefore
 * read in its first cell only; the others are empty.
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "mergeCells",
  "drawing",
  "picture",
  "tableParts",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "rowBreaks",
];

/** How far down the header row may be. */
const HEADER_SEARCH_ROWS = 10;
/** How many template columns a row must name to be the header row. */
const MIN_HEADERS = 3;

const valueKeyOf: Partial<Record<ColumnKey, OverviewValueKey>> = {
  lastName: "lastName",
  firstName: "firstName",
  nationalId: "nationalId",
  birthDate: "birthDate",
  nationality: "nationality",
  email: "email",
  mobile: "mobile",
  homeInstitution: "homeInstitution",
  studyProgramme: "studyProgramme",
  placementSite: "placementSiteName",
  startDate: "startDate",
  endDate: "endDate",
  dNumber: "dNumber",
  previousUsername: "previousUsername",
};

/** The {@link RowField} a value key is reported under (the placement site by its id field). */
export const problemFieldOf = (key: OverviewValueKey): RowField =>
  key === "placementSiteName" ? "placementSiteId" : key;

const dateKeys = new Set<OverviewValueKey>(["birthDate", "startDate", "endDate"]);
const idKeys = new Set<OverviewValueKey>(["nationalId", "dNumber"]);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maskedIdPattern = /^(?:\d{6}[ \u00a0]?\*{5}|\*{11})$/;

/** Text of a cell for headers and text fields: plain, trimmed, formula neutralisation undone. */
function textOf(value: ExcelJS.CellValue, singleLine = true): string {
  const v = plainValue(value);
  if (v === null) return "";
  let s: string;
  if (v instanceof Date) s = Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  else s = String(v);
  s = s.replace(/\r\n?/g, "\n").trim();
  s = unneutralise(s).trim();
  return singleLine ? s.replace(/\s+/g, " ") : s;
}

/** A date cell → `YYYY-MM-DD`, or null with the raw text when nobody can read it as a date. */
function dateOf(value: ExcelJS.CellValue): { date: string | null; raw: string } {
  const v = plainValue(value);
  if (v === null || v === "") return { date: null, raw: "" };
  const raw = textOf(value);
  if (raw === "") return { date: null, raw };
  let date: string | null = null;
  if (v instanceof Date || typeof v === "number") date = dateFromCell(v);
  else if (typeof v === "string") {
    // "01.03.2027 00:00" (a date typed with a time, or a date-time exported as text)
    date = parseDate(raw.replace(/[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, ""));
  }
  return { date, raw };
}

/** A national ID or D-number cell → digits as text (a number keeps its digits; an `00000000000` format its zero). */
function idOf(cell: ExcelJS.Cell): string {
  const v = plainValue(cell.value);
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) {
    const digits = String(v);
    const format = cell.numFmt ?? "";
    return /^0{11}$/.test(format) ? digits.padStart(11, "0") : digits;
  }
  return textOf(cell.value);
}

interface HeaderCandidate {
  rowNumber: number;
  texts: Map<number, string>;
  score: number;
}

function headerCandidates(ws: ExcelJS.Worksheet): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  const last = Math.min(HEADER_SEARCH_ROWS, ws.rowCount);
  for (let r = 1; r <= last; r++) {
    const texts = new Map<number, string>();
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const t = textOf(cell.value);
      if (t) texts.set(col, t);
    });
    let score = 0;
    for (const kind of ["norwegian", "international"] as const) {
      const keys = new Set<ColumnKey>();
      for (const t of texts.values()) {
        const key = columnForHeader(kind, t);
        if (key) keys.add(key);
      }
      score = Math.max(score, keys.size);
    }
    out.push({ rowNumber: r, texts, score });
  }
  return out;
}

const primaryHeaders = (kind: SheetKind) => new Set(templateColumns[kind].map((c) => normalizeHeader(c.header)));

/**
 * International when the sheet's name says so ("Internasjonale – Periode 1", "International …"),
 * when its headers are more the English template's own headers than the Norwegian ones, or when it
 * has international-only columns (date of birth, nationality, home institution) and no national ID.
 */
export function detectSheetKind(sheetName: string, headers: string[]): SheetKind {
  if (/^\s*internasjonal/i.test(sheetName) || /international/i.test(sheetName)) return "international";
  const normalized = headers.map(normalizeHeader);
  const english = primaryHeaders("international");
  const norwegian = primaryHeaders("norwegian");
  const en = normalized.filter((h) => english.has(h)).length;
  const no = normalized.filter((h) => norwegian.has(h)).length;
  if (en > no) return "international";
  const intlKeys = new Set(headers.map((h) => columnForHeader("international", h)));
  const internationalOnly = intlKeys.has("birthDate") || intlKeys.has("nationality") || intlKeys.has("homeInstitution");
  // A fødselsnummer column makes it Norwegian; a D-number column does not (international students may have one).
  const nationalId = headers.some(
    (h) => columnForHeader("norwegian", h) === "nationalId" && !/^d-?num/.test(normalizeHeader(h)),
  );
  if (internationalOnly && !nationalId) return "international";
  return "norwegian";
}

function parseSheet(ws: ExcelJS.Worksheet, maxRows: number): ParsedSheet | null {
  const candidates = headerCandidates(ws);
  let best: HeaderCandidate | undefined;
  for (const c of candidates) if (!best || c.score > best.score) best = c;
  if (!best || best.score < MIN_HEADERS) return null;

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
      const valueKey = valueKeyOf[key];
      if (!valueKey) continue;
      if (dateKeys.has(valueKey)) {
        const { date, raw } = dateOf(cell.value);
        values[valueKey] = date ?? raw;
        if (raw) filled = true;
        if (raw && !date) {
          problems.push({ field: problemFieldOf(valueKey), code: "date.invalid", column: header });
        }
      } else if (idKeys.has(valueKey)) {
        const id = idOf(cell);
        if (id) filled = true;
        if (maskedIdPattern.test(id)) maskedColumns.add(header);
        else values[valueKey] = id;
      } else {
        const text = textOf(cell.value);
        values[valueKey] = text;
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
  const upload = checkUpload(buffer, options.limits);
  const maxRows = options.limits?.maxRowsPerSheet ?? defaultUploadLimits.maxRowsPerSheet;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new UploadRejectedError(
      "upload.not_xlsx",
      "The file could not be read as an Excel workbook (.xlsx). Open it in Excel, save it as an .xlsx workbook and try again.",
    );
  }
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

/** One line of a Kommentar cell: a signed comment as our export writes it, or plain text someone typed. */
export type CommentLine =
  | { signed: true; body: string; author: string; date: string }
  | { signed: false; body: string };

const signedPattern = /^(.*\S)\s+—\s+(.+?)\s+(\d{2}\.\d{2}\.\d{4})$/;

/**
 * Splits a Kommentar cell into lines and recognises the signed ones our export writes
 * (`<body> — <name> <dd.mm.yyyy>`; date as `YYYY-MM-DD`), so a re-import adds only the new,
 * unsigned lines as comments.
 */
export function parseCommentCell(text: string | null): CommentLine[] {
  if (!text) return [];
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = signedPattern.exec(line);
      const date = m ? parseDate(m[3] as string) : null;
      return m && date
        ? { signed: true as const, body: m[1] as string, author: m[2] as string, date }
        : { signed: false as const, body: line };
    });
}
