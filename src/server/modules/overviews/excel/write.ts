import type ExcelJS from "exceljs";
import { formatDate, todayInOslo } from "../../../../domain/dates.ts";
import { maskNationalId } from "../../../../domain/national-id.ts";
import type { Column } from "../../../../domain/overview-template.ts";
import {
  type CellKey,
  type CellValues,
  fieldInfo,
  fieldOfColumn,
  type RowField,
} from "../../../../domain/placement-row/fields.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";
import {
  type OrderState,
  orderColour,
  type RegistrationState,
  registrationColour,
} from "../../../../domain/statuses.ts";
import { neutralise } from "./cells.ts";
import { excelDate, fill, layoutSheet, newWorkbook, safeSheetName, toBuffer } from "./workbook-layout.ts";
import {
  changedFontColour,
  dateFormat,
  type LearningPortalState,
  langOf,
  learningPortalColour,
  learningPortalTexts,
  noteTexts,
  orderTexts,
  registrationTexts,
} from "./write-texts.ts";

/**
 * Writes overview workbooks in the template layout (SPEC §3.6): the template's headers in the
 * sheet's language (bold, frozen on the header row and the name columns), one row per student,
 * national IDs as text, dates as real Excel dates shown `dd.mm.yyyy`, the states as text with the
 * seed's yellow and green fills, changed cells in red with a note (who, when, from), signed
 * comments in red, and a hidden last column with the row ID for re-import. Text that a spreadsheet
 * would take for a formula is neutralised (see `neutralise` in cells.ts); the reader undoes it.
 * Pure: no database, no HTTP.
 */

export interface ExportComment {
  /** The author's name as signed. */
  author: string;
  /** When it was written: an ISO date-time (shown as the Oslo calendar date) or a Date. */
  at: string | Date;
  body: string;
}

export interface ExportChange {
  /** The changed field; `placementSiteId` and `placementSiteName` both mean the Praksissted column. */
  field: RowField | CellKey;
  /** Who changed it (name). */
  by: string;
  at: string | Date;
  /** The value before the change, as shown to people; national IDs and D-numbers are masked here whatever is passed. */
  from: string | null;
}

export interface ExportRow {
  /** The row's UUID, written to the hidden `Rad-ID` column. */
  id: string;
  /** Values as strings; dates `YYYY-MM-DD`; the placement site by name (`cellValuesOf`). */
  values: CellValues;
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

const maskedPattern = /^\d{6} \*{5}$/;

/** Masks a national ID for people who may not see it; an already masked value stays as it is. */
const mask = (value: string) => (maskedPattern.test(value.trim()) ? value.trim() : maskNationalId(value));

/** `dd.mm.yyyy` of a moment, as the calendar date in Oslo. */
function osloDate(at: string | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : formatDate(todayInOslo(d));
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
  const changesByColumn = new Map<Column["key"], ExportChange[]>();
  for (const change of row.changes ?? []) {
    const key = fieldInfo(change.field).column;
    changesByColumn.set(key, [...(changesByColumn.get(key) ?? []), change]);
  }

  columns.forEach((c, i) => {
    const cell = excelRow.getCell(i + 1);
    const field = fieldOfColumn(c.key);
    if (field) {
      const raw = (row.values[field.cellKey] ?? "").trim();
      if (field.form === "nationalId") {
        cell.numFmt = "@";
        if (raw) cell.value = includeNationalIds ? raw : mask(raw);
      } else if (field.form === "date") {
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
            ch.from === null || ch.from.trim() === "" ? t.empty : field.form === "nationalId" ? mask(ch.from) : ch.from;
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
