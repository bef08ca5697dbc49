import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable } from "./table.ts";
import { UploadRejectedError } from "./upload-rules.ts";

/** Files that are one table (another system's export): an .xlsx's first sheet or a CSV file, as text cells. */
async function xlsx(rows: ExcelJS.CellValue[][], setUp?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Skjult").state = "hidden";
  const ws = wb.addWorksheet("Søkere");
  for (const row of rows) ws.addRow(row);
  setUp?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof UploadRejectedError ? e.code : String(e)),
  );

describe("readTable", () => {
  it("reads the first visible sheet of an .xlsx: numbers with their digits, dates as ISO, a zero-format's leading zero", async () => {
    const file = await xlsx(
      [
        ["Fornavn", "Etternavn", "Fødselsnummer", "Fødselsdato", "Mobil"],
        ["  Kari ", "Nordmann", 1019012345, new Date(Date.UTC(2001, 2, 1)), 91234567],
        [],
        ["Ola", "=Formel"],
      ],
      (ws) => {
        ws.getCell("C2").numFmt = "00000000000";
      },
    );
    const rows = await readTable(file, "xlsx");
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["Fornavn", "Etternavn", "Fødselsnummer", "Fødselsdato", "Mobil"] },
      { rowNumber: 2, cells: ["Kari", "Nordmann", "01019012345", "2001-03-01", "91234567"] },
      { rowNumber: 4, cells: ["Ola", "=Formel"] },
    ]);
  });

  it("reads CSV with semicolons, a byte order mark, quotes, line breaks in a cell and CRLF", async () => {
    const text = '\uFEFFFornavn;Etternavn;Merknad\r\n"Kari";"Nord;mann";"to\nlinjer ""sitat"""\r\nOla;Hansen;\r\n';
    expect(await readTable(Buffer.from(text, "utf8"), "csv")).toEqual([
      { rowNumber: 1, cells: ["Fornavn", "Etternavn", "Merknad"] },
      { rowNumber: 2, cells: ["Kari", "Nord;mann", 'to linjer "sitat"'] },
      { rowNumber: 3, cells: ["Ola", "Hansen", ""] },
    ]);
  });

  it("finds the separator of the header line (comma, tab) and reads Windows-1252 when the file is not UTF-8", async () => {
    expect(await readTable(Buffer.from("a,b\n1,2"), "csv")).toEqual([
      { rowNumber: 1, cells: ["a", "b"] },
      { rowNumber: 2, cells: ["1", "2"] },
    ]);
    expect((await readTable(Buffer.from("a\tb\tc;d\n"), "csv"))[0]?.cells).toEqual(["a", "b", "c;d"]);
    const latin1 = Buffer.from([0x46, 0xf8, 0x64, 0x73, 0x65, 0x6c, 0x73, 0x64, 0x61, 0x74, 0x6f]);
    expect((await readTable(latin1, "csv"))[0]?.cells).toEqual(["Fødselsdato"]);
  });

  it("refuses what is no table: a broken .xlsx, binary CSV, too many rows", async () => {
    expect(await code(readTable(Buffer.from("not a zip"), "xlsx"))).toBe("upload.not_xlsx");
    expect(await code(readTable(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02]), "csv"))).toBe("upload.not_readable");
    const many = ["Fornavn", ...Array.from({ length: 5001 }, (_, i) => `Student ${i}`)].join("\n");
    expect(await code(readTable(Buffer.from(many), "csv"))).toBe("upload.too_many_rows");
  });
});
