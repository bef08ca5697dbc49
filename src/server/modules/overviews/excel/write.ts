import ExcelJS from "exceljs";
import type { z } from "zod";
import type { learningPortalStateSchema, RowField } from "../../../../contracts/overviews.ts";
import { formatDate, maxYear, minYear, parseDate, todayInOslo } from "../../../../domain/dates.ts";
import { maskNationalId } from "../../../../domain/national-id.ts";
import {
  type Column,
  type ColumnKey,
  rowIdHeader,
  type SheetKind,
  templateColumns,
} from "../../../../domain/overview-template.ts";
import {
  type OrderState,
  orderColour,
  type RegistrationState,
  registrationColour,
  type StatusColour,
} from "../../../../domain/statuses.ts";
import { neutralise } from "./cells.ts";
import type { OverviewValueKey, OverviewValues } from "./parse.ts";

/**
 * Writes overview workbooks in the template layout (SPEC §3.6): the template's headers in the
 * sheet's language (bold, frozen on the header row and the name columns), one row per student,
 * national IDs as text, dates as real Excel dates shown `dd.mm.yyyy`, the states as text with the
 * seed's yellow and green fills, changed cells in red with a note (who, when, from), signed
 * comments in red, and a hidden last column with the row ID for re-import. Text that a spreadsheet
 * would take for a formula is neutralised (see `neutralise` in cells.ts); the reader undoes it.
 * Pure: no database, no HTTP.
 */

/** The contract's learning portal states (`learningPortalStateSchema`). */
export type LearningPortalState = z.infer<typeof learningPortalStateSchema>;

export interface ExportComment {
  /** The author's name as signed. */
  author: string;
  /** When it was written: an ISO date-time (shown as the Oslo calendar date) or a Date. */
  at: string | Date;
  body: string;
}

export interface ExportChange {
  /** The changed field; `placementSiteId` and `placementSiteName` both mean the Praksissted column. */
  field: RowField | OverviewValueKey;
  /** Who changed it (name). */
  by: string;
  at: string | Date;
  /** The value before the change, as shown to people; national IDs and D-numbers are masked here whatever is passed. */
  from: string | null;
}

export interface ExportRow {
  /** The row's UUID, written to the hidden `Rad-ID` column. */
  id: string;
  /** Values as strings; dates `YYYY-MM-DD`; the placement site by name. */
  values: OverviewValues;
  registrationState: RegistrationState;
  orderState: OrderState;
  /** International sheets only (the Learning portal user column). */
  learningPortalState?: LearningPortalState;
  /** Signed comments, oldest first. */
  comments?: ExportComment[];
  /** Changes after submission; each changed cell is red with a note listing them. */
  changes?: ExportChange[];
  /** Added after the sheet was submitted: the whole row is red. */
  addedAfterSubmission?: boolean;
}

export interface ExportSheet {
  /** The sheet's name; characters Excel forbids are replaced and it is cut to 31 characters. */
  name: string;
  kind: SheetKind;
  rows: ExportRow[];
}

export interface WriteOverviewInput {
  sheets: ExportSheet[];
  /** Whole national IDs and D-numbers (for roles allowed to see them; audit it); otherwise masked `010190 *****`. */
  includeNationalIds: boolean;
}

/** The seed's fills: yellow someone still has to act, green done; red for a rejected order. */
export const stateFills: Record<StatusColour, string> = {
  yellow: "FFFFFF00",
  green: "FF92D050",
  red: "FFFF0000",
};
/** Changed cells, rows added after submission and comments. */
export const changedFontColour = "FFFF0000";
export const dateFormat = "dd.mm.yyyy";

type Lang = "nb" | "en";
const langOf = (kind: SheetKind): Lang => (kind === "international" ? "en" : "nb");

export const registrationTexts: Record<Lang, Record<RegistrationState, string>> = {
  nb: { not_registered: "Ikke registrert", registered: "Registrert, ikke overført", transferred: "Overført" },
  en: { not_registered: "Not registered", registered: "Registered, not transferred", transferred: "Transferred" },
};
export const orderTexts: Record<Lang, Record<OrderState, string>> = {
  nb: {
    not_ordered: "Ikke bestilt",
    ordered: "Bestilt",
    approved: "Godkjent",
    implemented: "Iverksatt",
    rejected: "Avslått",
  },
  en: {
    not_ordered: "Not ordered",
    ordered: "Ordered",
    approved: "Approved",
    implemented: "Implemented",
    rejected: "Rejected",
  },
};
export const learningPortalTexts: Record<Lang, Record<LearningPortalState, string>> = {
  nb: { not_needed: "Ikke nødvendig", needed: "Trengs", requested: "Bestilt", created: "Opprettet" },
  en: { not_needed: "Not needed", needed: "Needed", requested: "Requested", created: "Created" },
};
const learningPortalColour = (s: LearningPortalState): StatusColour | null =>
  s === "not_needed" ? null : s === "created" ? "green" : "yellow";

const noteTexts: Record<Lang, { changed: string; from: string; empty: string }> = {
  nb: { changed: "Endret av", from: "fra", empty: "(tom)" },
  en: { changed: "Changed by", from: "from", empty: "(empty)" },
};

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
const columnOfField = (field: ExportChange["field"]): ColumnKey =>
  field === "placementSiteId" || field === "placementSiteName" ? "placementSite" : field;

const dateKeys = new Set<ColumnKey>(["birthDate", "startDate", "endDate"]);
const idKeys = new Set<ColumnKey>(["nationalId", "dNumber"]);
const maskedPattern = /^\d{6} \*{5}$/;

/** Masks a national ID for people who may not see it; an already masked value stays as it is. */
const mask = (value: string) => (maskedPattern.test(value.trim()) ? value.trim() : maskNationalId(value));

/** `dd.mm.yyyy` of a moment, as the calendar date in Oslo. */
function osloDate(at: string | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : formatDate(todayInOslo(d));
}

/** A `YYYY-MM-DD` date as the Date exceljs writes as that Excel date (UTC midnight). */
function excelDate(iso: string): Date | null {
  const d = parseDate(iso);
  if (!d) return null;
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

function fill(cell: ExcelJS.Cell, colour: StatusColour | null) {
  if (!colour) return;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: stateFills[colour] } };
}

const sheetColumns = (kind: SheetKind): Column[] => [
  ...templateColumns[kind],
  { key: "rowId", header: rowIdHeader, aliases: [], width: 38 },
];

/** Excel's sheet-name rules: no `: \ / ? * [ ]`, at most 31 characters, unique ignoring case. */
function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Ark";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Header row, widths, frozen panes, column formats: what the template and an export share. */
function layoutSheet(ws: ExcelJS.Worksheet, kind: SheetKind) {
  const columns = sheetColumns(kind);
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    hidden: c.key === "rowId",
    style: idKeys.has(c.key) || c.key === "rowId" ? { numFmt: "@" } : dateKeys.has(c.key) ? { numFmt: dateFormat } : {},
  }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.numFmt = "General";
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2", activeCell: "C2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length - 1 } };
  return columns;
}

function writeRow(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  columns: Column[],
  kind: SheetKind,
  row: ExportRow,
  includeNationalIds: boolean,
) {
  const lang = langOf(kind);
  const excelRow = ws.getRow(rowNumber);
  const changesByColumn = new Map<ColumnKey, ExportChange[]>();
  for (const change of row.changes ?? []) {
    const key = columnOfField(change.field);
    changesByColumn.set(key, [...(changesByColumn.get(key) ?? []), change]);
  }

  columns.forEach((c, i) => {
    const cell = excelRow.getCell(i + 1);
    const valueKey = valueKeyOf[c.key];
    if (valueKey) {
      const raw = (row.values[valueKey] ?? "").trim();
      if (idKeys.has(c.key)) {
        cell.numFmt = "@";
        if (raw) cell.value = includeNationalIds ? raw : mask(raw);
      } else if (dateKeys.has(c.key)) {
        const date = raw ? excelDate(raw) : null;
        if (date) {
          cell.value = date;
          cell.numFmt = dateFormat;
        } else if (raw) cell.value = neutralise(raw);
      } else if (raw) {
        cell.value = neutralise(raw);
      }
      const changes = changesByColumn.get(c.key);
      if (changes?.length) {
        const t = noteTexts[lang];
        const lines = changes.map((ch) => {
          const from =
            ch.from === null || ch.from.trim() === "" ? t.empty : idKeys.has(c.key) ? mask(ch.from) : ch.from;
          return `${t.changed} ${ch.by} ${osloDate(ch.at)}: ${t.from} ${from}`;
        });
        cell.note = lines.join("\n");
      }
      if (changes?.length || row.addedAfterSubmission) cell.font = { color: { argb: changedFontColour } };
    } else if (c.key === "registered") {
      cell.value = registrationTexts[lang][row.registrationState];
      fill(cell, registrationColour(row.registrationState));
    } else if (c.key === "ordered") {
      cell.value = orderTexts[lang][row.orderState];
      fill(cell, orderColour(row.orderState));
    } else if (c.key === "learningPortalUser") {
      const state = row.learningPortalState ?? "not_needed";
      cell.value = learningPortalTexts[lang][state];
      fill(cell, learningPortalColour(state));
    } else if (c.key === "comment") {
      const lines = (row.comments ?? []).map(
        (cm) => `${cm.body.replace(/\s*\n\s*/g, " ").trim()} — ${cm.author} ${osloDate(cm.at)}`,
      );
      if (lines.length) {
        cell.value = neutralise(lines.join("\n"));
        cell.font = { color: { argb: changedFontColour } };
        cell.alignment = { wrapText: true, vertical: "top" };
      }
    } else if (c.key === "rowId") {
      cell.value = row.id;
      cell.numFmt = "@";
    }
  });
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Praksistilgang";
  return wb;
}

/**
 * The overview as an .xlsx workbook in the template layout, a sheet per given sheet (in order).
 * The file name comes from the naming standard (`fileName` in src/domain/naming-standard.ts).
 */
export async function writeOverviewWorkbook(input: WriteOverviewInput): Promise<Buffer> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  for (const sheet of input.sheets) {
    const ws = wb.addWorksheet(safeSheetName(sheet.name, taken));
    const columns = layoutSheet(ws, sheet.kind);
    sheet.rows.forEach((row, i) => {
      writeRow(ws, i + 2, columns, sheet.kind, row, input.includeNationalIds);
    });
  }
  if (input.sheets.length === 0) layoutSheet(wb.addWorksheet("Periode 1"), "norwegian");
  return toBuffer(wb);
}

const instructions: Record<SheetKind, { sheet: string; title: string; lines: string[] }> = {
  norwegian: {
    sheet: "Veiledning",
    title: "Slik fyller du ut praksisoversikten",
    lines: [
      "Én student per rad på arket «Periode 1». Gi arket navnet på perioden («Periode 2», «Semester 5»); ett ark per periode.",
      "Ikke endre overskriftene. Rekkefølgen på kolonnene kan endres, og ekstra kolonner blir oversett ved import.",
      "Fødselsnummer: 11 siffer, skrevet som tekst (kolonnen er formatert som tekst, så den første nullen blir stående).",
      "Datoer skrives dd.mm.åååå, for eksempel 01.03.2027.",
      "Mobil: norske numre med eller uten +47; utenlandske numre med landskode.",
      "Praksissted: bruk navnet fra helseforetakets liste over praksissteder.",
      "Kolonnene Registrert og Bestilt fylles ut av Praksistilgang og blir oversett ved import.",
      "Internasjonale studenter uten norsk fødselsnummer føres på et eget ark med den engelske malen.",
      "Last opp filen under praksisoversikten i Praksistilgang. Du får en rapport per rad før noe blir lagret.",
    ],
  },
  international: {
    sheet: "Instructions",
    title: "How to fill in the overview for international students",
    lines: [
      "One student per row on the sheet «Internasjonale – Periode 1». Name the sheet after its period; one sheet per period.",
      "Do not change the headers. Columns may be reordered; extra columns are ignored on import.",
      "Dates as dd.mm.yyyy, for example 01.03.2027.",
      "Mobile numbers with their country code, for example +44 7700 900123.",
      "D-number (if any): 11 digits, written as text. Students without a D-number need a manual learning portal user; the app takes care of it.",
      "Placement site: use the name from the hospital trust's list of placement sites.",
      "The columns Registered, Ordered and Learning portal user are filled in by Praksistilgang and ignored on import.",
      "Upload the file to the overview in Praksistilgang. You get a report per row before anything is saved.",
    ],
  },
};

/** Rows the blank template prepares (text format for IDs, date checks). */
const TEMPLATE_ROWS = 500;

/**
 * The blank template of a kind: the header row in the sheet's language, widths, frozen panes,
 * national-ID columns formatted as text, date columns as `dd.mm.yyyy` with a date check, and an
 * instructions sheet (the reader skips it: it has no header row).
 */
export async function writeTemplate(kind: SheetKind): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(kind === "international" ? "Internasjonale – Periode 1" : "Periode 1");
  const columns = layoutSheet(ws, kind);
  const lang = langOf(kind);
  // exceljs 4.4 has range validations (`sqref`) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    if (dateKeys.has(c.key)) {
      validations.add(range, {
        type: "date",
        operator: "between",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: lang === "nb" ? "Ugyldig dato" : "Invalid date",
        error: lang === "nb" ? "Skriv datoen som dd.mm.åååå." : "Write the date as dd.mm.yyyy.",
        formulae: [new Date(Date.UTC(minYear, 0, 1)), new Date(Date.UTC(maxYear, 11, 31))],
      });
    } else if (idKeys.has(c.key)) {
      validations.add(range, {
        type: "textLength",
        operator: "between",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: lang === "nb" ? "Fødselsnummer" : "D-number",
        error: lang === "nb" ? "Et fødselsnummer har 11 siffer." : "A D-number has 11 digits.",
        formulae: [11, 12],
      });
    }
  });

  const help = wb.addWorksheet(instructions[kind].sheet);
  help.getColumn(1).width = 120;
  const title = help.getCell("A1");
  title.value = instructions[kind].title;
  title.font = { bold: true, size: 14 };
  instructions[kind].lines.forEach((line, i) => {
    const cell = help.getCell(`A${i + 3}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  return toBuffer(wb);
}
