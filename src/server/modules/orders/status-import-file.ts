import { type StatusReportColumns, statusReportFields } from "../../../contracts/orders.ts";
import type { OrderLineAction } from "../../../domain/order-lines.ts";
import type { TableFormat, TableRow } from "../overviews/overviews.public.ts";
import { statusColumnMissing } from "./status-import.errors.ts";

/**
 * The ordering portal's status report, read by the trust's column mapping (`portalStatusColumns`):
 * the header row is the one of the first ten that holds the most mapped headers (compared without
 * case and spaces). A line is found by its line ID or by reference, national ID and system, so the
 * file needs the status column and one of those ways complete; every other mapped column it lacks
 * (the username, the reason) is a changed layout. Pure.
 */

export type StatusField = (typeof statusReportFields)[number];

const HEADER_SEARCH_ROWS = 10;

const normalise = (header: string) => header.normalize("NFC").toLowerCase().replace(/\s+/g, "");

export interface StatusLayout {
  headerRowNumber: number;
  columns: Map<StatusField, number>;
  /** Mapped columns the file lacks and can do without (the other way of finding a line). */
  missing: { field: StatusField; header: string }[];
}

export interface StatusRow {
  rowNumber: number;
  values: Partial<Record<StatusField, string>>;
}

const byReference = ["reference", "nationalId", "system"] as const satisfies StatusField[];

/** The header row and the mapped columns; a mapped column the file needs and lacks → 400 `status_import.column_missing`. */
export function statusLayoutOf(rows: TableRow[], mapping: StatusReportColumns): StatusLayout {
  const mapped = statusReportFields.flatMap((field) => {
    const header = mapping[field];
    return header ? [{ field, header, key: normalise(header) }] : [];
  });
  let best: { row: TableRow; found: Map<StatusField, number> } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = new Map<StatusField, number>();
    const keys = row.cells.map(normalise);
    for (const { field, key } of mapped) {
      const index = keys.indexOf(key);
      if (index >= 0) found.set(field, index);
    }
    if (!best || found.size > best.found.size) best = { row, found };
  }
  const found = best?.found ?? new Map<StatusField, number>();
  const has = (field: StatusField) => found.has(field);
  const missingHeader = (field: StatusField) => mapping[field] || field;
  const canById = has("lineId");
  const canByReference = byReference.every(has);
  if (!canById && !canByReference) {
    const first = mapping.lineId ? "lineId" : (byReference.find((f) => !has(f)) as StatusField);
    throw statusColumnMissing(missingHeader(first), first);
  }
  for (const field of ["status", "username", "reason"] as const) {
    if ((field === "status" || mapping[field]) && !has(field)) throw statusColumnMissing(missingHeader(field), field);
  }
  return {
    headerRowNumber: best?.row.rowNumber ?? 0,
    columns: found,
    missing: mapped.filter((m) => !found.has(m.field)).map(({ field, header }) => ({ field, header })),
  };
}

/** The report's rows below the header; rows with nothing in a mapped column are left out. */
export function statusRowsOf(rows: TableRow[], layout: StatusLayout): StatusRow[] {
  return rows
    .filter((row) => row.rowNumber > layout.headerRowNumber)
    .map((row) => {
      const values: StatusRow["values"] = {};
      for (const [field, index] of layout.columns) values[field] = (row.cells[index] ?? "").trim();
      return { rowNumber: row.rowNumber, values };
    })
    .filter((row) => Object.values(row.values).some((v) => v !== ""));
}

/** The portal's status words (bokmål, nynorsk and English), compared without case and spaces. */
const statusWords: Record<
  string,
  Extract<OrderLineAction, "approve" | "implement" | "reject" | "mark_deactivated" | "mark_extended">
> = {
  godkjent: "approve",
  godkjend: "approve",
  approved: "approve",
  iverksatt: "implement",
  implementert: "implement",
  implemented: "implement",
  utført: "implement",
  done: "implement",
  avvist: "reject",
  avslått: "reject",
  rejected: "reject",
  deaktivert: "mark_deactivated",
  deactivated: "mark_deactivated",
  forlenget: "mark_extended",
  forlengd: "mark_extended",
  extended: "mark_extended",
};

/** The action a status word stands for, or null for a word the import does not know. */
export const actionOfStatus = (word: string) => statusWords[normalise(word)] ?? null;

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An .xlsx (a zip, or named so: the reader refuses a broken one), else CSV. */
export function formatOf(upload: { file: Buffer; fileName: string }): TableFormat {
  return upload.file.subarray(0, 4).equals(zipSignature) || /\.xlsx$/i.test(upload.fileName) ? "xlsx" : "csv";
}
