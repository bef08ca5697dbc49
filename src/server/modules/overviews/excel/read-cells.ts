import type ExcelJS from "exceljs";
import { dateFromCell, parseDate } from "../../../../domain/dates.ts";
import { plainValue, unneutralise } from "./cells.ts";

/** How the reader takes a value out of a cell, by the field's form: text, a date, a national ID. */

/** Text of a cell for headers and text fields: plain, trimmed, formula neutralisation undone. */
export function textOf(value: ExcelJS.CellValue, singleLine = true): string {
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
export function dateOf(value: ExcelJS.CellValue): { date: string | null; raw: string } {
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
export function idOf(cell: ExcelJS.Cell): string {
  const v = plainValue(cell.value);
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) {
    const digits = String(v);
    const format = cell.numFmt ?? "";
    return /^0{11}$/.test(format) ? digits.padStart(11, "0") : digits;
  }
  return textOf(cell.value);
}
