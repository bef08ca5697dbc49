import ExcelJS from "exceljs";
import { parseDate } from "../../../../domain/dates.ts";
import { type Column, rowIdHeader, templateColumns } from "../../../../domain/overview-template.ts";
import { fieldOfColumn } from "../../../../domain/placement-row/fields.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";
import type { StatusColour } from "../../../../domain/statuses.ts";
import { dateFormat, stateFills } from "./write-texts.ts";

/** What an export and the blank template share: the header row, widths, frozen panes, column formats. */

/** The Excel number format of a template column: text for national IDs and the row ID, dates as `dd.mm.yyyy`. */
export function columnFormat(column: Column["key"]): string | undefined {
  if (column === "rowId") return "@";
  const form = fieldOfColumn(column)?.form;
  return form === "nationalId" ? "@" : form === "date" ? dateFormat : undefined;
}

/** A `YYYY-MM-DD` date as the Date exceljs writes as that Excel date (UTC midnight). */
export function excelDate(iso: string): Date | null {
  const d = parseDate(iso);
  if (!d) return null;
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

export function fill(cell: ExcelJS.Cell, colour: StatusColour | null) {
  if (!colour) return;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: stateFills[colour] } };
}

export const sheetColumns = (kind: SheetKind): Column[] => [
  ...templateColumns[kind],
  { key: "rowId", header: rowIdHeader, aliases: [], width: 38 },
];

/** Excel's sheet-name rules: no `: \ / ? * [ ]`, at most 31 characters, unique ignoring case. */
export function safeSheetName(name: string, taken: Set<string>): string {
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
export function layoutSheet(ws: ExcelJS.Worksheet, kind: SheetKind) {
  const columns = sheetColumns(kind);
  ws.columns = columns.map((c) => {
    const numFmt = columnFormat(c.key);
    return { key: c.key, width: c.width, hidden: c.key === "rowId", style: numFmt ? { numFmt } : {} };
  });
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

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Praksistilgang";
  return wb;
}
