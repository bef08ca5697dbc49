import { type WebcruiterColumns, type WebcruiterField, webcruiterFields } from "../../../contracts/hr-transfer.ts";
import { requiredWebcruiterFields } from "../../../contracts/webcruiter-import.ts";
import type { TableFormat, TableRow } from "../overviews/overviews.public.ts";
import { webcruiterColumnMissing } from "./webcruiter-import.errors.ts";

/**
 * Webcruiter's applicant export, read by the trust's column mapping: the header row is the one of
 * the first ten that holds the most mapped headers (compared without case and spaces), and each row
 * below it gives the fields of the columns found. Pure.
 */

/** How far down the header row may be (a title or an export date above it). */
const HEADER_SEARCH_ROWS = 10;

const normalise = (header: string) => header.normalize("NFC").toLowerCase().replace(/\s+/g, "");

export interface WebcruiterLayout {
  headerRowNumber: number;
  /** The 0-based column of each mapped field the file has, with its header as written there. */
  columns: Map<WebcruiterField, { index: number; header: string }>;
  /** Mapped optional fields the file lacks. */
  missing: { field: WebcruiterField; header: string }[];
}

export interface ApplicantRow {
  rowNumber: number;
  values: Partial<Record<WebcruiterField, string>>;
}

/**
 * Finds the header row and the mapped columns. A required field's column missing → 400
 * `webcruiter.column_missing` with the header the mapping names (the first one missing).
 */
export function layoutOf(rows: TableRow[], mapping: WebcruiterColumns): WebcruiterLayout {
  const mapped = webcruiterFields.flatMap((field) => {
    const header = mapping[field];
    return header ? [{ field, header, key: normalise(header) }] : [];
  });
  let best: { row: TableRow; found: Map<WebcruiterField, { index: number; header: string }> } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = new Map<WebcruiterField, { index: number; header: string }>();
    const keys = row.cells.map(normalise);
    for (const { field, key } of mapped) {
      const index = keys.indexOf(key);
      if (index >= 0) found.set(field, { index, header: row.cells[index] as string });
    }
    if (!best || found.size > best.found.size) best = { row, found };
  }
  for (const field of requiredWebcruiterFields) {
    if (!best?.found.has(field)) throw webcruiterColumnMissing(mapping[field], field);
  }
  const { row, found } = best as NonNullable<typeof best>;
  return {
    headerRowNumber: row.rowNumber,
    columns: found,
    missing: mapped.filter((m) => !found.has(m.field)).map(({ field, header }) => ({ field, header })),
  };
}

/** The applicants below the header row; rows with nothing in a mapped column are left out. */
export function applicantsOf(rows: TableRow[], layout: WebcruiterLayout): ApplicantRow[] {
  return rows
    .filter((row) => row.rowNumber > layout.headerRowNumber)
    .map((row) => {
      const values: ApplicantRow["values"] = {};
      for (const [field, { index }] of layout.columns) values[field] = row.cells[index] ?? "";
      return { rowNumber: row.rowNumber, values };
    })
    .filter((row) => Object.values(row.values).some((v) => v !== ""));
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An .xlsx (a zip, or named so: the reader refuses a broken one), else CSV. */
export function formatOf(upload: { file: Buffer; fileName: string }): TableFormat {
  return upload.file.subarray(0, 4).equals(zipSignature) || /\.xlsx$/i.test(upload.fileName) ? "xlsx" : "csv";
}
