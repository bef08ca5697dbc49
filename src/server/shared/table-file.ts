import ExcelJS from "exceljs";

/** `2027-03-01` → `01.03.2027`, as Norwegian readers and Excel in Norwegian expect. */
export const norwegianDate = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : "");

const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A file for another system (the HR system, the ordering portal): one header row, then the lines,
 * every cell text. CSV is semicolon-separated with a byte order mark, as Excel in Norwegian opens
 * it; in .xlsx every column is formatted as text, so a national ID keeps its leading zero.
 */
export async function writeTableFile(
  format: "xlsx" | "csv",
  sheetName: string,
  headers: string[],
  values: string[][],
): Promise<Buffer> {
  if (format === "csv") {
    const text = [headers, ...values].map((r) => r.map(csvCell).join(";")).join("\r\n");
    return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers).font = { bold: true };
  for (const row of values) ws.addRow(row);
  ws.columns.forEach((column, i) => {
    column.numFmt = "@";
    column.width = Math.max(12, headers[i]?.length ?? 0, ...values.map((r) => (r[i] ?? "").length)) + 2;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
