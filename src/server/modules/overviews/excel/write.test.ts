import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../../test/helpers/national-ids.ts";
import { rowIdHeader, templateColumns } from "../../../../domain/overview-template.ts";
import { parseOverviewWorkbook } from "./parse.ts";
import { writeTemplate } from "./template.ts";
import { type ExportRow, type ExportSheet, writeOverviewWorkbook } from "./write.ts";

const load = async (buffer: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
};

const kariId = testNationalId({ day: 7 });
const olaId = testNationalId({ day: 21 });

const kari: ExportRow = {
  id: randomUUID(),
  values: {
    lastName: "Nordmann",
    firstName: "Kari",
    nationalId: kariId,
    email: "kari.nordmann@stud.hvl.no",
    mobile: "+4791234567",
    studyProgramme: "Sykepleie",
    placementSiteName: "Medisinsk avdeling, post 3",
    startDate: "2027-03-01",
    endDate: "2027-04-09",
    previousUsername: "",
  },
  registrationState: "transferred",
  orderState: "ordered",
  comments: [
    { author: "Kari Koordinator", at: "2027-01-31T23:30:00Z", body: "Starter en uke senere" },
    { author: "Frode FOU", at: "2027-02-03T09:00:00Z", body: "Ok,\nnoterer" },
  ],
  changes: [
    { field: "endDate", by: "Kari Koordinator", at: "2027-02-03T10:00:00Z", from: "2027-04-02" },
    { field: "nationalId", by: "Kari Koordinator", at: "2027-02-03T10:00:00Z", from: olaId },
    { field: "placementSiteId", by: "Frode FOU", at: "2027-02-04T10:00:00Z", from: null },
  ],
};

const ola: ExportRow = {
  id: randomUUID(),
  values: {
    lastName: '=HYPERLINK("http://evil.example","Klikk")',
    firstName: "+Ola",
    nationalId: olaId,
    email: "@ola",
    mobile: "-1",
    studyProgramme: "\t=1+1",
    placementSiteName: "'=already quoted",
    startDate: "2027-03-01",
    endDate: "",
    previousUsername: "-ola",
  },
  registrationState: "registered",
  orderState: "not_ordered",
  addedAfterSubmission: true,
};

const emily: ExportRow = {
  id: randomUUID(),
  values: {
    lastName: "Smith",
    firstName: "Emily",
    birthDate: "2001-06-14",
    nationality: "Storbritannia",
    email: "emily.smith@uni.example.ac.uk",
    mobile: "+44 7700 900123",
    homeInstitution: "University of Edinburgh",
    studyProgramme: "Sykepleie",
    placementSiteName: "Akuttmottaket",
    startDate: "2027-03-01",
    endDate: "2027-04-09",
    dNumber: "",
    previousUsername: undefined,
  },
  registrationState: "not_registered",
  orderState: "rejected",
  learningPortalState: "needed",
};

const sheets: ExportSheet[] = [
  { name: "Periode 1", kind: "norwegian", rows: [kari, ola] },
  { name: "Internasjonale – Periode 1", kind: "international", rows: [emily] },
];

describe("writeOverviewWorkbook", () => {
  it("comes back from the reader with the same values and row IDs", async () => {
    const buffer = await writeOverviewWorkbook({ sheets, includeNationalIds: true });
    const parsed = await parseOverviewWorkbook(buffer);
    expect(parsed.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["Periode 1", "norwegian"],
      ["Internasjonale – Periode 1", "international"],
    ]);
    const [no, intl] = parsed.sheets;
    expect(no?.rows.map((r) => r.rowId)).toEqual([kari.id, ola.id]);
    expect(no?.rows[0]?.values).toEqual(kari.values);
    // Formula-like texts come back exactly as typed.
    // (Values are trimmed on both sides: a leading tab goes, the formula behind it is neutralised.)
    expect(no?.rows[1]?.values).toEqual({ ...ola.values, studyProgramme: "=1+1" });
    expect(intl?.rows[0]?.rowId).toBe(emily.id);
    const { previousUsername: _, ...emilyValues } = emily.values;
    expect(intl?.rows[0]?.values).toEqual(emilyValues);
    // The state columns are noticed and ignored; the row-ID column is read, not ignored.
    expect(no?.notices).toEqual([
      { code: "import.state_column_ignored", column: "Registrert" },
      { code: "import.state_column_ignored", column: "Bestilt" },
    ]);
    expect(no?.columns.at(-1)).toMatchObject({ key: "rowId", header: rowIdHeader });
    expect(no?.rows[0]?.comment).toBe(
      "Starter en uke senere — Kari Koordinator 01.02.2027\nOk, noterer — Frode FOU 03.02.2027",
    );
  });

  it("neutralises formula-like text in the file, and leaves numbers and phone numbers alone", async () => {
    const wb = await load(await writeOverviewWorkbook({ sheets, includeNationalIds: true }));
    const ws = wb.getWorksheet("Periode 1");
    if (!ws) throw new Error("sheet");
    const row = ws.getRow(3);
    const texts = [1, 2, 4, 5, 6, 7, 10].map((c) => row.getCell(c).value);
    expect(texts).toEqual([
      '\'=HYPERLINK("http://evil.example","Klikk")',
      "'+Ola",
      "'@ola",
      "-1",
      "'=1+1",
      "''=already quoted",
      "'-ola",
    ]);
    expect(ws.getRow(2).getCell(5).value).toBe("+4791234567");
    for (const wsAny of wb.worksheets) {
      wsAny.eachRow((r) =>
        r.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string" && !/^[+-]?\d[\d ]*$/.test(cell.value)) {
            expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
          }
        }),
      );
    }
  });

  it("writes the template layout: headers, frozen panes, widths, text IDs, real dates, hidden row IDs", async () => {
    const wb = await load(await writeOverviewWorkbook({ sheets, includeNationalIds: true }));
    const ws = wb.getWorksheet("Periode 1");
    if (!ws) throw new Error("sheet");
    const headers = templateColumns.norwegian.map((c) => c.header);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...headers, rowIdHeader]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    expect(ws.getColumn(7).width).toBe(28);
    const rowIdColumn = ws.getColumn(headers.length + 1);
    expect(rowIdColumn.hidden).toBe(true);
    expect(ws.getRow(2).getCell(headers.length + 1).value).toBe(kari.id);

    const id = ws.getRow(2).getCell(3);
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe(kariId);
    expect(id.numFmt).toBe("@");
    const start = ws.getRow(2).getCell(8);
    expect(start.value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(start.numFmt).toBe("dd.mm.yyyy");
    expect(ws.getRow(3).getCell(9).value).toBeNull();

    const intl = wb.getWorksheet("Internasjonale – Periode 1");
    expect(((intl?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([
      ...templateColumns.international.map((c) => c.header),
      rowIdHeader,
    ]);
    expect(intl?.getRow(2).getCell(3).value).toEqual(new Date(Date.UTC(2001, 5, 14)));
  });

  it("shows the states as text with the seed's fills", async () => {
    const wb = await load(await writeOverviewWorkbook({ sheets, includeNationalIds: true }));
    const no = wb.getWorksheet("Periode 1");
    const intl = wb.getWorksheet("Internasjonale – Periode 1");
    const state = (ws: ExcelJS.Worksheet | undefined, row: number, col: number) => {
      const cell = ws?.getRow(row).getCell(col);
      const fill = cell?.fill as ExcelJS.FillPattern | undefined;
      return [cell?.value, fill?.pattern, fill?.fgColor?.argb];
    };
    expect(state(no, 2, 11)).toEqual(["Overført", "solid", "FF92D050"]);
    expect(state(no, 2, 12)).toEqual(["Bestilt", "solid", "FF92D050"]);
    expect(state(no, 3, 11)).toEqual(["Registrert, ikke overført", "solid", "FFFFFF00"]);
    expect(state(no, 3, 12)).toEqual(["Ikke bestilt", "solid", "FFFFFF00"]);
    expect(state(intl, 2, 13)).toEqual(["Not registered", "solid", "FFFFFF00"]);
    expect(state(intl, 2, 14)).toEqual(["Rejected", "solid", "FFFF0000"]);
    expect(state(intl, 2, 15)).toEqual(["Needed", "solid", "FFFFFF00"]);
  });

  it("marks changed cells red with a note, masks national IDs in notes, and signs comments in red", async () => {
    const wb = await load(await writeOverviewWorkbook({ sheets, includeNationalIds: true }));
    const ws = wb.getWorksheet("Periode 1");
    const row = ws?.getRow(2);
    const noteText = (cell: ExcelJS.Cell | undefined) => {
      const note = cell?.note;
      return typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");
    };
    expect(row?.getCell(9).font?.color?.argb).toBe("FFFF0000");
    expect(noteText(row?.getCell(9))).toBe("Endret av Kari Koordinator 03.02.2027: fra 2027-04-02");
    expect(noteText(row?.getCell(3))).toBe(`Endret av Kari Koordinator 03.02.2027: fra ${olaId.slice(0, 6)} *****`);
    expect(noteText(row?.getCell(7))).toBe("Endret av Frode FOU 04.02.2027: fra (tom)");
    expect(row?.getCell(1).font?.color?.argb).toBeUndefined();
    expect(row?.getCell(1).note).toBeUndefined();
    const comment = row?.getCell(13);
    expect(comment?.font?.color?.argb).toBe("FFFF0000");
    expect(comment?.alignment?.wrapText).toBe(true);
    // A row added after submission is red throughout.
    expect(ws?.getRow(3).getCell(2).font?.color?.argb).toBe("FFFF0000");
  });

  it("masks national IDs unless the caller may include them", async () => {
    const buffer = await writeOverviewWorkbook({ sheets, includeNationalIds: false });
    const wb = await load(buffer);
    expect(wb.getWorksheet("Periode 1")?.getRow(2).getCell(3).value).toBe(`${kariId.slice(0, 6)} *****`);
    expect(buffer.includes(Buffer.from(kariId))).toBe(false);
    const parsed = await parseOverviewWorkbook(buffer);
    expect(parsed.sheets[0]?.rows[0]?.values.nationalId).toBeUndefined();
    expect(parsed.sheets[0]?.notices).toContainEqual({ code: "import.national_ids_masked", column: "Fødselsnummer" });
  });

  it("makes sheet names Excel accepts", async () => {
    const wb = await load(
      await writeOverviewWorkbook({
        sheets: [
          { name: "Periode 1/2: [vår]", kind: "norwegian", rows: [] },
          { name: "periode 1-2- -vår-", kind: "norwegian", rows: [] },
          { name: "Internasjonale – Periode 1 med et altfor langt navn", kind: "international", rows: [] },
        ],
        includeNationalIds: false,
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Periode 1-2- -vår-",
      "periode 1-2- -vår- (2)",
      "Internasjonale – Periode 1 med ",
    ]);
  });
});

describe("writeTemplate", () => {
  for (const kind of ["norwegian", "international"] as const) {
    it(`writes the blank ${kind} template that the reader takes as such`, async () => {
      const buffer = await writeTemplate(kind);
      const wb = await load(buffer);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error("sheet");
      expect((ws.getRow(1).values as unknown[]).slice(1, -1)).toEqual(templateColumns[kind].map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
      const dateColumn = templateColumns[kind].findIndex((c) => c.key === "startDate") + 1;
      const letter = ws.getColumn(dateColumn).letter;
      const validations = (ws as unknown as { dataValidations: { find(a: string): unknown } }).dataValidations;
      expect(validations.find(`${letter}2`)).toMatchObject({ type: "date", allowBlank: true });
      expect(wb.worksheets.map((w) => w.name)).toEqual(
        kind === "norwegian" ? ["Periode 1", "Veiledning"] : ["Internasjonale – Periode 1", "Instructions"],
      );

      const parsed = await parseOverviewWorkbook(buffer);
      expect(parsed.sheets).toMatchObject([{ kind, rows: [], headerRowNumber: 1 }]);
      expect(parsed.skippedSheets).toEqual([{ name: wb.worksheets[1]?.name, reason: "no_header_row" }]);
    });
  }
});
