import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../../test/helpers/national-ids.ts";
import { validateNationalId } from "../../../../domain/national-id.ts";
import { parseCommentCell } from "./comment-cell.ts";
import { detectSheetKind } from "./header-row.ts";
import { parseOverviewWorkbook } from "./parse.ts";

const fixture = resolve(process.cwd(), "../shared/fixtures/praksisoversikt-eksempel.xlsx");

/** A valid fødselsnummer that starts with 0 (born on the 7th). */
const zeroId = testNationalId({ day: 7 });
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describe.skipIf(!existsSync(fixture))("the seed's example workbook", () => {
  it("reads 7 Norwegian and 2 international students with their values", async () => {
    const parsed = await parseOverviewWorkbook(readFileSync(fixture));
    expect(parsed.skippedSheets).toEqual([]);
    expect(parsed.sheets.map((s) => [s.name, s.kind, s.headerRowNumber, s.rows.length])).toEqual([
      ["Periode 1", "norwegian", 1, 7],
      ["Internasjonale – Periode 1", "international", 1, 2],
    ]);
    const [no, intl] = parsed.sheets;
    if (!no || !intl) throw new Error("sheets");

    expect(no.rows[0]).toEqual({
      rowNumber: 2,
      rowId: null,
      values: {
        lastName: "Nordmann",
        firstName: "Kari",
        nationalId: "12840359121",
        email: "kari.nordmann@stud.hvl.no",
        mobile: "912 34 567",
        studyProgramme: "Sykepleie",
        placementSiteName: "Medisinsk avdeling, post 3",
        startDate: "2027-03-01",
        endDate: "2027-04-09",
        previousUsername: "",
      },
      comment: null,
      problems: [],
    });
    // Lars Berg's start date is text "01.03.2027"; Ola Hansen's mobile has +47.
    expect(no.rows[3]?.values.startDate).toBe("2027-03-01");
    expect(no.rows[1]?.values.mobile).toBe("+47 41234567");
    // The mistakes the comment column announces are for the caller's validation; the cells read fine.
    expect(no.rows.map((r) => r.comment)).toEqual([
      null,
      null,
      null,
      null,
      "Feil i fødselsnummer (skal gi feilmelding)",
      "Mangler e-post (skal gi feilmelding)",
      "Ukjent praksissted? (skal foreslå nærmeste)",
    ]);
    expect(no.rows[4]?.values.nationalId).toBe("17820350058");
    expect(validateNationalId("17820350058", { testMode: true }).ok).toBe(false);
    expect(no.rows[5]?.values.email).toBe("");
    expect(no.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(no.notices).toEqual([
      { code: "import.state_column_ignored", column: "Registrert" },
      { code: "import.state_column_ignored", column: "Bestilt" },
    ]);

    expect(intl.rows.map((r) => r.values)).toEqual([
      {
        lastName: "Smith",
        firstName: "Emily",
        birthDate: "2001-06-14",
        nationality: "Storbritannia",
        email: "emily.smith@uni.example.ac.uk",
        mobile: "+44 7700 900123",
        homeInstitution: "University of Edinburgh",
        studyProgramme: "Sykepleie",
        placementSiteName: "Medisinsk avdeling, post 3",
        startDate: "2027-03-01",
        endDate: "2027-04-09",
        dNumber: "",
      },
      expect.objectContaining({ lastName: "Müller", birthDate: "2000-12-02", dNumber: "42920076542" }),
    ]);
    expect(intl.notices.map((n) => n.code)).toEqual([
      "import.state_column_ignored",
      "import.state_column_ignored",
      "import.state_column_ignored",
    ]);
  });
});

/** A sheet the way a coordinator's Excel leaves it: title rows, reordered and extra columns, text dates … */
async function coordinatorWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Periode 2");
  ws.getCell("A1").value = "Praksisoversikt HVL Sykepleie kull 2024";
  ws.mergeCells("A1:F1");
  ws.getCell("A2").value = {
    richText: [{ text: "Periode 2: " }, { text: "01.03.2027–09.04.2027", font: { bold: true } }],
  };
  ws.getRow(3).values = [
    "  Fornavn ",
    "ETTERNAVN",
    "Skostørrelse",
    "Fødselsnr",
    "E-post:",
    "Mobil",
    "Praksissted",
    "Fra dato",
    "Sluttdato",
    "Bestilt",
    "Merknad",
  ];
  // A number-typed ID that lost its leading zero; an e-mail hyperlink; text dates; a phone as a number.
  ws.getRow(4).values = [
    "Kari ",
    " Nordmann",
    42,
    Number(zeroId),
    { text: "kari@stud.hvl.no", hyperlink: "mailto:kari@stud.hvl.no" },
    91234567,
    "Akuttmottaket",
    "01.03.2027",
    new Date(Date.UTC(2027, 3, 9)),
    "Ja",
    "",
  ];
  ws.getRow(5).values = [];
  // An ID as text with a space, a formula result, a serial date, an unreadable date, a comment.
  ws.getRow(6).values = [
    { richText: [{ text: "Ola" }] },
    { formula: 'UPPER("hansen")', result: "HANSEN" },
    "",
    "010190 12345",
    { text: " Ola@Stud.hvl.no ", hyperlink: "mailto:ola@stud.hvl.no" },
    "0047 412 34 567",
    "Kirurgisk   avdeling,  post 2",
    46447,
    "første mars",
    "",
    "Starter en uke senere",
  ];
  // Only an ignored column and a state column: an empty row.
  ws.getRow(7).values = ["", "", 44, "", "", "", "", "", "", "Nei"];
  ws.getCell("D8").value = Number(zeroId);
  ws.getCell("D8").numFmt = "00000000000";
  ws.getCell("A8").value = "Nora";
  return toBuffer(wb);
}

describe("a workbook as a coordinator's Excel leaves it", () => {
  it("finds the header under title rows and reads reordered, spaced and extra columns", async () => {
    const parsed = await parseOverviewWorkbook(await coordinatorWorkbook());
    expect(parsed.sheets).toHaveLength(1);
    const sheet = parsed.sheets[0];
    if (!sheet) throw new Error("sheet");
    expect(sheet.kind).toBe("norwegian");
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.notices).toEqual([
      { code: "import.title_rows_skipped", column: null },
      { code: "import.column_ignored", column: "Skostørrelse" },
      { code: "import.state_column_ignored", column: "Bestilt" },
      { code: "import.column_missing", column: "Studieprogram" },
      { code: "import.column_missing", column: "Tidligere brukernavn" },
    ]);
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([4, 6, 8]);
    const [kari, ola, nora] = sheet.rows;
    expect(kari).toEqual({
      rowNumber: 4,
      rowId: null,
      values: {
        firstName: "Kari",
        lastName: "Nordmann",
        nationalId: zeroId.slice(1),
        email: "kari@stud.hvl.no",
        mobile: "91234567",
        placementSiteName: "Akuttmottaket",
        startDate: "2027-03-01",
        endDate: "2027-04-09",
      },
      comment: null,
      problems: [],
    });
    // The caller's validation restores the leading zero with its warning.
    expect(validateNationalId(kari?.values.nationalId ?? "", { testMode: false })).toMatchObject({
      value: zeroId,
      warnings: ["national_id.leading_zero_restored"],
    });
    expect(ola?.values).toMatchObject({
      firstName: "Ola",
      lastName: "HANSEN",
      nationalId: "010190 12345",
      email: "Ola@Stud.hvl.no",
      mobile: "0047 412 34 567",
      placementSiteName: "Kirurgisk avdeling, post 2",
      startDate: "2027-03-01",
      endDate: "første mars",
    });
    expect(ola?.comment).toBe("Starter en uke senere");
    expect(ola?.problems).toEqual([{ field: "endDate", code: "date.invalid", column: "Sluttdato" }]);
    // A number shown with an 11-zero format was typed with its zero.
    expect(nora?.values.nationalId).toBe(zeroId);
  });

  it("tells international sheets by name, by English headers, or by international-only columns", async () => {
    expect(detectSheetKind("Internasjonale – Periode 2", ["Etternavn", "Fornavn", "E-post"])).toBe("international");
    expect(detectSheetKind("International students", ["Etternavn", "Fornavn"])).toBe("international");
    expect(detectSheetKind("Ark1", ["Surname", "First name", "Date of birth", "E-mail"])).toBe("international");
    expect(detectSheetKind("Ark1", ["Etternavn", "Fornavn", "Fødselsdato", "Nasjonalitet", "E-post"])).toBe(
      "international",
    );
    expect(detectSheetKind("Ark1", ["Etternavn", "Fornavn", "Fødselsdato", "D-nummer"])).toBe("international");
    expect(detectSheetKind("Ark1", ["Etternavn", "Fornavn", "Fødselsdato", "Fødselsnummer"])).toBe("norwegian");
    expect(detectSheetKind("Periode 1", ["Etternavn", "Fornavn", "Fødselsnummer", "E-mail"])).toBe("norwegian");
  });

  it("reads an English-headed sheet with another name as international, and skips hidden and header-less sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Utvekslingsstudenter");
    a.addRow(["Surname", "First name", "Nationality", "Date of birth", "D-number", "Start date"]);
    a.addRow(["Smith", "Emily", "UK", "14.06.2001", 42920076542, "2027-03-01"]);
    const hidden = wb.addWorksheet("Gammel");
    hidden.state = "hidden";
    hidden.addRow(["Etternavn", "Fornavn", "E-post"]);
    hidden.addRow(["A", "B", "c@d.no"]);
    wb.addWorksheet("Notater").addRow(["Husk å sende inn innen fristen"]);
    const parsed = await parseOverviewWorkbook(await toBuffer(wb));
    expect(parsed.skippedSheets).toEqual([
      { name: "Gammel", reason: "hidden" },
      { name: "Notater", reason: "no_header_row" },
    ]);
    expect(parsed.sheets[0]?.kind).toBe("international");
    expect(parsed.sheets[0]?.rows[0]?.values).toEqual({
      lastName: "Smith",
      firstName: "Emily",
      nationality: "UK",
      birthDate: "2001-06-14",
      dNumber: "42920076542",
      startDate: "2027-03-01",
    });
  });

  it("needs at least three template headers in the first ten rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 1");
    for (let i = 0; i < 10; i++) ws.addRow([`Tittel ${i}`]);
    ws.addRow(["Etternavn", "Fornavn", "E-post"]);
    ws.addRow(["A", "B", "c@d.no"]);
    const parsed = await parseOverviewWorkbook(await toBuffer(wb));
    expect(parsed.sheets).toEqual([]);
    expect(parsed.skippedSheets).toEqual([{ name: "Periode 1", reason: "no_header_row" }]);
  });

  it("reads the hidden row ID, and leaves masked national IDs out with a notice", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 1");
    ws.addRow(["Etternavn", "Fornavn", "Fødselsnummer", "Rad-ID"]);
    ws.addRow(["A", "B", "010190 *****", "6F9619FF-8B86-4D11-B42D-00C04FC964FF"]);
    ws.addRow(["C", "D", "01019012345", "not-a-uuid"]);
    ws.getColumn(4).hidden = true;
    const sheet = (await parseOverviewWorkbook(await toBuffer(wb))).sheets[0];
    expect(sheet?.rows[0]?.rowId).toBe("6f9619ff-8b86-4d11-b42d-00c04fc964ff");
    expect(sheet?.rows[0]?.values).toEqual({ lastName: "A", firstName: "B" });
    expect(sheet?.rows[1]?.rowId).toBeNull();
    expect(sheet?.rows[1]?.problems).toEqual([
      { field: null, code: "import.row_id_invalid", warning: true, column: "Rad-ID" },
    ]);
    expect(sheet?.notices).toContainEqual({ code: "import.national_ids_masked", column: "Fødselsnummer" });
  });

  it("reads quickly what makes exceljs slow: whole-sheet validations and merges, a far-away cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 1");
    ws.addRow(["Etternavn", "Fornavn", "Startdato"]);
    ws.addRow(["Nordmann", "Kari", "01.03.2027"]);
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      "A2:A3",
      { type: "textLength", operator: "lessThan", allowBlank: true, formulae: [100] },
    );
    ws.mergeCells("D5:E6");
    ws.getCell("B1000000").value = "Langt nede";
    // exceljs cannot even write these ranges (it makes a cell of each address), so patch the XML.
    const zip = await JSZip.loadAsync(await toBuffer(wb));
    const part = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)?.async("string")) ?? "";
    expect(xml).toContain('sqref="A2:A3"');
    expect(xml).toContain('ref="D5:E6"');
    zip.file(part, xml.replace('sqref="A2:A3"', 'sqref="A2:XFD1048576"').replace('ref="D5:E6"', 'ref="D5:XFD1048576"'));
    const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

    const started = Date.now();
    const sheet = (await parseOverviewWorkbook(buffer)).sheets[0];
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sheet?.rows.map((r) => [r.rowNumber, r.values.lastName, r.values.firstName])).toEqual([
      [2, "Nordmann", "Kari"],
      [1000000, "", "Langt nede"],
    ]);
  });

  it("refuses what is not a workbook", async () => {
    await expect(parseOverviewWorkbook(Buffer.from("Etternavn;Fornavn\nA;B\n"))).rejects.toMatchObject({
      code: "upload.not_xlsx",
    });
  });
});

describe("parseCommentCell", () => {
  it("tells our signed comments from lines people typed", () => {
    expect(parseCommentCell("Starter senere — Kari Koordinator 03.02.2027\nNy linje\n\n")).toEqual([
      { signed: true, body: "Starter senere", author: "Kari Koordinator", date: "2027-02-03" },
      { signed: false, body: "Ny linje" },
    ]);
    expect(parseCommentCell(null)).toEqual([]);
  });
});
