import ExcelJS from "exceljs";
import type { HrTransferColumn } from "../../../contracts/hr-transfer.ts";

/** The HR transfer file's headers, in Norwegian (the HR system's people read them). */
export const hrTransferHeaders: Record<HrTransferColumn, string> = {
  lastName: "Etternavn",
  firstName: "Fornavn",
  nationalId: "Fødselsnummer",
  birthDate: "Fødselsdato",
  email: "E-post",
  mobile: "Mobil",
  earlierUsername: "Tidligere brukernavn",
  institution: "Utdanningsinstitusjon",
  programme: "Studieprogram",
  placementStart: "Praksisstart",
  placementEnd: "Praksisslutt",
  placementSite: "Praksissted",
};

export type HrTransferLine = Record<HrTransferColumn, string>;

/** `2027-03-01` → `01.03.2027`, as Norwegian readers and Excel in Norwegian expect. */
export const norwegianDate = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : "");

const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The file: one header row and one line per person, the columns in the trust's order. CSV is
 * semicolon-separated with a byte order mark, as Excel in Norwegian opens it; every cell is text.
 */
export async function writeHrTransferFile(
  format: "xlsx" | "csv",
  columns: readonly HrTransferColumn[],
  lines: HrTransferLine[],
): Promise<Buffer> {
  const headers = columns.map((c) => hrTransferHeaders[c]);
  const values = lines.map((line) => columns.map((c) => line[c]));
  if (format === "csv") {
    const text = [headers, ...values].map((r) => r.map(csvCell).join(";")).join("\r\n");
    return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("HR-overføring");
  ws.addRow(headers).font = { bold: true };
  for (const row of values) ws.addRow(row);
  // Text cells: a national ID keeps its leading zero.
  ws.columns.forEach((column, i) => {
    column.numFmt = "@";
    column.width = Math.max(12, headers[i]?.length ?? 0, ...values.map((r) => (r[i] ?? "").length)) + 2;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
