import { loadWorkbook } from "./load-workbook.ts";
import { idOf, textOf } from "./read-cells.ts";
import { readCsv } from "./read-csv.ts";

/**
 * A file that is one table with a header row — an export of another system (Webcruiter's
 * applicants) rather than one of our templates — read into rows of text cells: the first visible
 * worksheet of an .xlsx (after the upload limits of `checkUpload`), or a CSV file (`readCsv`). Cells
 * are text as the reader's helpers make it: trimmed, one line, a whole number with its digits (an
 * `00000000000` format keeps a national ID's leading zero), a date as `YYYY-MM-DD`. Pure: what the
 * columns mean is the caller's.
 */
export type TableFormat = "xlsx" | "csv";

export interface TableRow {
  /** The row's number in the file, 1-based as Excel shows it. */
  rowNumber: number;
  /** The cells from the first column on; missing cells at the end are absent. */
  cells: string[];
}

export async function readTable(file: Buffer, format: TableFormat): Promise<TableRow[]> {
  if (format === "csv") {
    return readCsv(file).map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => textOf(c)) }));
  }
  const { wb } = await loadWorkbook(file);
  const ws = wb.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden" && w.actualRowCount > 0);
  if (!ws) return [];
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = idOf(cell);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return rows;
}
