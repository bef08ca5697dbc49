import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkUpload } from "./limits.ts";
import { parseOverviewWorkbook } from "./parse.ts";
import { UploadRejectedError } from "./upload-rules.ts";
import { countContent } from "./workbook-xml.ts";

interface RawEntry {
  name: string;
  data: Buffer;
  /** Lie about the unpacked size in both headers. */
  declaredSize?: number;
  stored?: boolean;
}

/** A minimal zip writer (CRCs left 0: the checker does not read them), so tests can craft hostile archives. */
function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.stored ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const workbookParts = (sheetXml: string): RawEntry[] => [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  {
    name: "xl/workbook.xml",
    data: Buffer.from(
      '<workbook xmlns:r="r"><sheets><sheet name="Periode &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
  },
  { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheetXml) },
];

const sheetXml = (rows: number, cols: number) => {
  const parts: string[] = ["<worksheet><sheetData>"];
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`);
    for (let c = 0; c < cols; c++) parts.push(`<c t="inlineStr"><is><t>x</t></is></c>`);
    parts.push("</row>");
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
};

const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRejectedError);
    return error as UploadRejectedError;
  }
  throw new Error("not rejected");
};

describe("checkUpload", () => {
  it("accepts an ordinary workbook and tells what it holds", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 1");
    ws.addRow(["Etternavn", "Fornavn", "E-post"]);
    ws.addRow(["Nordmann", "Kari", "kari@stud.hvl.no"]);
    wb.addWorksheet("Internasjonale – Periode 1").addRow(["Surname"]);
    const summary = checkUpload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(summary.sheets).toEqual([
      { name: "Periode 1", rows: 2, cells: 6 },
      { name: "Internasjonale – Periode 1", rows: 1, cells: 1 },
    ]);
    expect(summary.entries).toBeGreaterThan(5);
  });

  it("refuses a file over 10 MB before looking inside", () => {
    const error = rejection(() => checkUpload(Buffer.alloc(11 * 1024 * 1024)));
    expect(error.code).toBe("upload.too_large");
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/too large \(11 MB; at most 10 MB\)/);
  });

  it("refuses what is not an xlsx workbook", () => {
    expect(rejection(() => checkUpload(Buffer.from("Etternavn;Fornavn\n"))).code).toBe("upload.not_xlsx");
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const encrypted = rejection(() => checkUpload(cfb));
    expect(encrypted.code).toBe("upload.not_xlsx");
    expect(encrypted.status).toBe(400);
    expect(encrypted.message).toMatch(/password-protected/);
    const plainZip = zipOf([{ name: "readme.txt", data: Buffer.from("hei") }]);
    expect(rejection(() => checkUpload(plainZip)).code).toBe("upload.not_xlsx");
    const truncated = zipOf(workbookParts(sheetXml(2, 2))).subarray(0, 100);
    expect(rejection(() => checkUpload(truncated)).code).toBe("upload.not_xlsx");
  });

  it("refuses an archive with too many entries, from the directory alone", () => {
    const entries = workbookParts(sheetXml(1, 1));
    for (let i = 0; i < 1000; i++)
      entries.push({ name: `xl/media/image${i}.png`, data: Buffer.from("x"), stored: true });
    const error = rejection(() => checkUpload(zipOf(entries)));
    expect(error.code).toBe("upload.too_many_entries");
    expect(error.details).toEqual({ entries: 1004, max: 1000 });
  });

  it("refuses an archive whose declared unpacked size is too large", () => {
    const entries = workbookParts(sheetXml(1, 1));
    entries.push({ name: "xl/media/huge.bin", data: Buffer.from("x"), declaredSize: 4_000_000_000 });
    const error = rejection(() => checkUpload(zipOf(entries)));
    expect(error.code).toBe("upload.too_large_unpacked");
    expect(error.message).toMatch(/too large when unpacked \(3\.7 GB by its zip directory; at most 50 MB\)/);
    expect(error.details).toMatchObject({ reason: "declared", max: 50 * 1024 * 1024 });
  });

  it("refuses a zip bomb that lies about its unpacked size, without inflating it all", () => {
    const entries = workbookParts(sheetXml(1, 1));
    // 80 MB of zeros deflate to about 80 KB; the entry claims 1 KB.
    entries.push({ name: "xl/media/bomb.bin", data: Buffer.alloc(80 * 1024 * 1024), declaredSize: 1024 });
    const bomb = zipOf(entries);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = rejection(() => checkUpload(bomb));
    expect(error.code).toBe("upload.too_large_unpacked");
    // What was found, not the file's claim rounded to "0 MB": inflating stopped at the limit.
    expect(error.message).toMatch(
      /too large when unpacked \(more than 50 MB, the most allowed, although its zip directory declares 1 kB\)/,
    );
    expect(error.message).not.toMatch(/\b0 MB/);
    expect(error.details).toMatchObject({ reason: "inflated", max: 50 * 1024 * 1024 });
  });

  it("refuses a part that is larger than it declares but within the limit as a broken file", () => {
    const entries = workbookParts(sheetXml(1, 1));
    entries.push({ name: "xl/media/liar.bin", data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 1024 });
    expect(rejection(() => checkUpload(zipOf(entries))).code).toBe("upload.not_xlsx");
  });

  it("refuses a sheet with 5,001 students before parsing it, and takes 5,000", async () => {
    const build = async (students: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Periode 1");
      ws.addRow(["Etternavn", "Fornavn", "E-post"]);
      for (let i = 0; i < students; i++) ws.addRow([`Etternavn ${i}`, "Fornavn", `s${i}@stud.hvl.no`]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const tooMany = await build(5001);
    const error = rejection(() => checkUpload(tooMany));
    expect(error.code).toBe("upload.too_many_rows");
    expect(error.details).toEqual({ sheet: "Periode 1", rows: 5001, max: 5000 });
    expect(error.message).toBe(
      'The sheet "Periode 1" has too many rows (5,001 besides the header; at most 5,000). Split it into several sheets or files.',
    );
    await expect(parseOverviewWorkbook(tooMany)).rejects.toMatchObject({ code: "upload.too_many_rows" });

    const parsed = await parseOverviewWorkbook(await build(5000));
    expect(parsed.sheets[0]?.rows).toHaveLength(5000);
  }, 30_000);

  it("counts rows from the sheet XML with the sheet's name, and caps cells", () => {
    const error = rejection(() => checkUpload(zipOf(workbookParts(sheetXml(5002, 1)))));
    expect(error.details).toEqual({ sheet: "Periode & 1", rows: 5001, max: 5000 });
    const wide = rejection(() => checkUpload(zipOf(workbookParts(sheetXml(3000, 100)))));
    expect(wide.code).toBe("upload.too_large_unpacked");
    expect(wide.details).toMatchObject({ sheet: "Periode & 1" });
  });

  it("counts only rows with a value", () => {
    expect(
      countContent(
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="3"/></row><row r="3"/>' +
          '<x:row r="4"><x:c r="A4"><x:v>5</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></sheetData>',
      ),
    ).toEqual({ rows: 2, cells: 3, elements: 8 });
  });
});
