import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview, Row } from "../../src/contracts/overviews.ts";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { demoSites } from "../../src/server/demo/demo-data.ts";
import { placementSites } from "../../src/server/modules/catalog/catalog.table.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { rowChanges } from "../../src/server/modules/overviews/overviews.table.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Excel both ways (SPEC §3.6): templates, import with a report before saving, re-import, corrected
 * re-import after submission, export → import, the shared example workbook and a workbook the way a
 * coordinator's Excel makes it. Helse Bergen is in test mode and has the demo's placement sites.
 */
const fixture = readFileSync(new URL("../../../shared/fixtures/praksisoversikt-eksempel.xlsx", import.meta.url));
const periods = {
  "Periode 1": { startDate: "2027-03-01", endDate: "2027-04-09" },
  "Internasjonale – Periode 1": { startDate: "2027-03-01", endDate: "2027-04-09" },
};

let t: TestApp;
let world: World;
const cookie: Record<string, string> = {};
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
let overview: Overview;

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

/** A multipart body with the workbook in `file` and optional fields. */
function multipart(file: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----praksistilgang${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function upload(
  file: Buffer,
  opts: { dryRun?: boolean; periods?: object; who?: string; overviewId?: string } = {},
) {
  const m = multipart(file, opts.periods ? { periods: JSON.stringify(opts.periods) } : {});
  return t.app.inject({
    method: "POST",
    url: `/api/overviews/${opts.overviewId ?? overview.id}/import${opts.dryRun ? "?dryRun=true" : ""}`,
    headers: { ...m.headers, cookie: opts.who ?? cookie.coordinatorHvl },
    payload: m.body,
  });
}

async function exportFile(who = cookie.coordinatorHvl) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/overviews/${overview.id}/export`,
    headers: { cookie: who },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

const problemsOf = (report: ImportReport) =>
  report.sheets.flatMap((s) =>
    s.rows.flatMap((r) =>
      r.problems.filter((p) => !p.warning).map((p) => ({ label: r.label, field: p.field, code: p.code })),
    ),
  );

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  await t.database.db
    .insert(placementSites)
    .values(demoSites.map((s) => ({ ...s, trustId: world.trusts.bergen.id })))
    .onConflictDoNothing();
  for (const key of ["coordinatorHvl", "coordinatorUib", "studentAdmin"] as const) {
    cookie[key] = await t.login(world.users[key].email);
  }
  overview = json<Overview>(
    await t.call("POST", "/api/overviews", {
      cookie: cookie.coordinatorHvl,
      body: { programmeId: world.catalog.hvlNursing.id, cohort: 2025 },
    }),
  );
});
afterAll(async () => {
  await t?.close();
});

describe("templates", () => {
  it("gives the blank Norwegian and international templates", async () => {
    for (const [path, first] of [
      ["/api/templates/overview.xlsx", "Etternavn"],
      ["/api/templates/international.xlsx", "Surname"],
    ] as const) {
      const res = await t.app.inject({ method: "GET", url: path, headers: { cookie: cookie.coordinatorHvl } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      const headers: string[] = [];
      ws.getRow(1).eachCell((c) => headers.push(String(c.value)));
      expect(headers[0]).toBe(first);
    }
  });
});

describe("the shared example workbook", () => {
  it("reports new sheets without periods and saves nothing", async () => {
    const res = await upload(fixture);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect(report.saved).toBe(false);
    expect(report.sheets.map((s) => [s.name, s.kind, s.needsPeriod])).toEqual([
      ["Periode 1", "norwegian", true],
      ["Internasjonale – Periode 1", "international", true],
    ]);
    const got = json<Overview>(await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorHvl }));
    expect(got.sheets).toEqual([]);
  });

  it("a dry run with periods reports exactly the problems the comment column announces", async () => {
    const res = await upload(fixture, { dryRun: true, periods });
    const report = json<ImportReport>(res);
    expect(report).toMatchObject({ dryRun: true, saved: false });
    expect(report.sheets.map((s) => [s.added, s.changed, s.removed])).toEqual([
      [7, 0, 0],
      [2, 0, 0],
    ]);
    expect(problemsOf(report)).toEqual([
      { label: "Johansen, Ingrid", field: "nationalId", code: "national_id.checksum" },
      { label: "Larsen, Sindre", field: "email", code: "email.empty" },
      { label: "Pedersen, Nora", field: "placementSiteId", code: "rows.unknown_placement_site" },
    ]);
    const nora = report.sheets[0]?.rows.find((r) => r.label === "Pedersen, Nora");
    const site = nora?.problems.find((p) => p.code === "rows.unknown_placement_site");
    expect(site?.suggestions?.[0]).toBe("Hjerteavdelinga, post 1");
    expect(site?.suggestions).toHaveLength(3);
    expect(site?.column).toBe("Praksissted");
    expect(report.sheets[0]?.notices).toContainEqual({ code: "import.state_column_ignored", column: "Registrert" });
    expect(report.errorCount).toBe(3);
    const got = json<Overview>(await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorHvl }));
    expect(got.sheets).toEqual([]);
  });

  it("imports with periods, storing rows with their problems", async () => {
    const res = await upload(fixture, { periods });
    const report = json<ImportReport>(res);
    expect(report.saved).toBe(true);
    const got = json<Overview>(await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorHvl }));
    expect(got.sheets.map((s) => [s.name, s.rowCount, s.problemRowCount])).toEqual([
      ["Periode 1", 7, 3],
      ["Internasjonale – Periode 1", 2, 0],
    ]);
    const intl = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${got.sheets[1]?.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    expect(intl.map((r) => [r.lastName, r.learningPortalState])).toEqual([
      ["Smith", "needed"],
      ["Müller", "not_needed"],
    ]);
    const p1 = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${got.sheets[0]?.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    const ingrid = p1.find((r) => r.firstName === "Ingrid");
    expect(ingrid?.comments.map((c) => c.body)).toEqual(["Feil i fødselsnummer (skal gi feilmelding)"]);
    expect(p1.find((r) => r.firstName === "Lars")?.startDate).toBe("2027-03-01");
  });

  it("importing the same file again changes nothing", async () => {
    const report = json<ImportReport>(await upload(fixture, { periods }));
    expect(report.saved).toBe(true);
    expect(report.sheets.map((s) => [s.added, s.changed, s.removed, s.unchanged])).toEqual([
      [0, 0, 0, 7],
      [0, 0, 0, 2],
    ]);
    const ingrid = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${report.sheets[0]?.sheetId}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows.find((r) => r.firstName === "Ingrid");
    expect(ingrid?.comments).toHaveLength(1);
  });

  it("export → import changes nothing", async () => {
    const res = await exportFile();
    expect(res.headers["content-disposition"]).toContain("Praksisoversikt HVL Sykepleie kull 2025.xlsx");
    const report = json<ImportReport>(await upload(res.rawPayload, { dryRun: true }));
    expect(report.sheets.map((s) => [s.added, s.changed, s.removed])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const saved = json<ImportReport>(await upload(res.rawPayload));
    expect(saved.saved).toBe(true);
    expect(saved.sheets.every((s) => s.rows.every((r) => r.action === "unchanged"))).toBe(true);
  });

  it("a corrected file after submission lists added, changed and removed rows and records them as changes", async () => {
    const got = json<Overview>(await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorHvl }));
    const sheetId = got.sheets[0]?.id as string;
    const rows = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    const fix = async (first: string, body: object) => {
      const r = rows.find((x) => x.firstName === first) as Row;
      const res = await t.call("PATCH", `/api/rows/${r.id}`, {
        cookie: cookie.coordinatorHvl,
        body: { version: r.version, ...body },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await fix("Ingrid", { nationalId: testNationalId({ year: 2035, month: 3, day: 17, individual: 700 }) });
    await fix("Sindre", { email: "sindre.larsen@stud.hvl.no" });
    const hjerte = (await t.database.db.select().from(placementSites)).find(
      (s) => s.name === "Hjerteavdelinga, post 1",
    );
    await fix("Nora", { placementSiteId: hjerte?.id });
    const submitted = await t.call("POST", `/api/sheets/${sheetId}/submit`, { cookie: cookie.coordinatorHvl });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const exported = await exportFile();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Periode 1") as ExcelJS.Worksheet;
    const headerCol = (name: string) => {
      let col = 0;
      ws.getRow(1).eachCell((c, n) => {
        if (String(c.value) === name) col = n;
      });
      return col;
    };
    let lars = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(headerCol("Fornavn")).value === "Kari")
        row.getCell(headerCol("Praksissted")).value = "Kvinneklinikken";
      if (row.getCell(headerCol("Fornavn")).value === "Lars") lars = n;
    });
    ws.spliceRows(lars, 1);
    const last = ws.rowCount + 1;
    const newRow = ws.getRow(last);
    newRow.getCell(headerCol("Etternavn")).value = "Ny";
    newRow.getCell(headerCol("Fornavn")).value = "Nils";
    newRow.getCell(headerCol("Fødselsnummer")).value = testNationalId({
      year: 2035,
      month: 6,
      day: 20,
      individual: 800,
    });
    newRow.getCell(headerCol("E-post")).value = "nils@stud.hvl.no";
    newRow.getCell(headerCol("Mobil")).value = "41234567";
    newRow.getCell(headerCol("Praksissted")).value = "Akuttmottaket";
    newRow.getCell(headerCol("Startdato")).value = "01.03.2027";
    newRow.getCell(headerCol("Sluttdato")).value = "09.04.2027";
    const corrected = Buffer.from(await wb.xlsx.writeBuffer());

    const dry = json<ImportReport>(await upload(corrected, { dryRun: true }));
    const p1 = dry.sheets.find((s) => s.name === "Periode 1");
    expect([p1?.added, p1?.changed, p1?.removed]).toEqual([1, 1, 1]);
    expect(p1?.removedRows.map((r) => r.label)).toEqual(["Berg, Lars"]);
    expect(p1?.rows.find((r) => r.action === "change")?.changes).toEqual([
      { field: "placementSiteId", from: "Medisinsk avdeling, post 3", to: "Kvinneklinikken" },
    ]);
    const before = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.studentAdmin.id));

    const saved = json<ImportReport>(await upload(corrected));
    expect(saved.saved).toBe(true);
    const changes = await t.database.db.select().from(rowChanges).where(eq(rowChanges.sheetId, sheetId));
    expect(changes.map((c) => [c.kind, c.field, c.fromValue, c.toValue])).toEqual(
      expect.arrayContaining([
        ["cell_changed", "placementSiteId", "Medisinsk avdeling, post 3", "Kvinneklinikken"],
        ["row_removed", null, "Berg, Lars", null],
        ["row_added", null, null, "Ny, Nils"],
      ]),
    );
    const after = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.studentAdmin.id));
    const fresh = after.filter((n) => !before.some((b) => b.id === n.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.text).toContain("Kari Nordmann, Praksissted: Medisinsk avdeling, post 3 → Kvinneklinikken");
    expect(fresh[0]?.text).toContain("Fjernet rad: Lars Berg");

    const again = json<ImportReport>(await upload(corrected, { dryRun: true }));
    expect(again.sheets.map((s) => [s.added, s.changed, s.removed])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe("a workbook the way a coordinator's Excel makes it", () => {
  it("finds the header under title rows, reads reordered and extra columns, text dates and a number-typed ID", async () => {
    const other = json<Overview>(
      await t.call("POST", "/api/overviews", {
        cookie: cookie.studentAdmin,
        body: { institutionId: world.institutions.hvl.id, programmeId: world.catalog.hvlNursing.id, cohort: 2026 },
      }),
    );
    const id = testNationalId({ year: 2035, month: 3, day: 5, individual: 510 });
    expect(id.startsWith("0")).toBe(true);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 2");
    ws.addRow(["Praksisoversikt HVL Sykepleie kull 2026"]);
    ws.addRow(["Fylt ut av: Ola Brekke"]);
    ws.addRow([]);
    ws.addRow([
      " E-post ",
      "Fornavn",
      "Etternavn",
      "Fødselsnummer",
      "Praksissted",
      "Startdato",
      "Sluttdato",
      "Mobil",
      "Notat",
      "Registrert",
    ]);
    ws.addRow([
      "Siri.Dale@stud.hvl.no ",
      " Siri",
      "Dale ",
      Number(id),
      "akuttmottaket",
      "16.08.2027",
      new Date(Date.UTC(2027, 8, 24)),
      "0047 412 34 567",
      "egen merknad",
      "Ja",
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(file, {
      overviewId: other.id,
      who: cookie.studentAdmin,
      periods: { "Periode 2": { startDate: "2027-08-16", endDate: "2027-09-24" } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect(report.saved).toBe(true);
    const sheet = report.sheets[0];
    expect(sheet?.notices).toEqual(
      expect.arrayContaining([
        { code: "import.title_rows_skipped", column: null },
        { code: "import.column_ignored", column: "Notat" },
        { code: "import.state_column_ignored", column: "Registrert" },
      ]),
    );
    const row = sheet?.rows[0];
    expect(row?.problems).toEqual([
      { field: "nationalId", code: "national_id.leading_zero_restored", warning: true, column: "Fødselsnummer" },
    ]);
    const rows = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet?.sheetId}/rows`, { cookie: cookie.studentAdmin }),
    ).rows;
    expect(rows[0]).toMatchObject({
      lastName: "Dale",
      firstName: "Siri",
      nationalIdMasked: `${id.slice(0, 6)} *****`,
      email: "siri.dale@stud.hvl.no",
      mobile: "+4741234567",
      placementSiteName: "Akuttmottaket",
      startDate: "2027-08-16",
      endDate: "2027-09-24",
      problems: [],
    });
  });
});

describe("a workbook into a document that does not have its sheets", () => {
  const period = { "Periode 3": { startDate: "2027-08-16", endDate: "2027-09-24" } };
  const twice = testNationalId({ year: 2035, month: 8, day: 2, individual: 610 });
  const ten = testNationalId({ year: 2035, month: 9, day: 12, individual: 620 }).slice(1);
  const twelve = `${testNationalId({ year: 2035, month: 9, day: 13, individual: 630 })}4`;
  let document: Overview;
  let file: Buffer;

  beforeAll(async () => {
    document = json<Overview>(
      await t.call("POST", "/api/overviews", {
        cookie: cookie.coordinatorHvl,
        body: { programmeId: world.catalog.hvlNursing.id, cohort: 2023 },
      }),
    );
    const id = (n: number) => testNationalId({ year: 2035, month: 8, day: 10 + n, individual: 640 + n });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 3");
    ws.addRow(["Etternavn", "Fornavn", "Fødselsnummer", "E-post", "Mobil", "Praksissted", "Startdato", "Sluttdato"]);
    const row = (
      cells: Partial<Record<"last" | "first" | "id" | "email" | "mobile" | "site" | "start" | "end", string>>,
    ) =>
      ws.addRow([
        cells.last ?? "Student",
        cells.first ?? "Stine",
        cells.id ?? id(ws.rowCount),
        cells.email ?? `student${ws.rowCount}@stud.hvl.no`,
        cells.mobile ?? "412 34 567",
        cells.site ?? "Akuttmottaket",
        cells.start ?? "16.08.2027",
        cells.end ?? "24.09.2027",
      ]);
    row({ last: "Ti", id: ten }); // row 2
    row({ last: "Tolv", id: twelve }); // row 3
    row({ last: "Epost", email: "epost.stud.hvl.no" }); // row 4
    row({ last: "Mobil", mobile: "412 34 56" }); // row 5
    row({ last: "Sted", site: "Hjerteavd post 1" }); // row 6
    row({ last: "Dobbel", id: twice, end: "03.09.2027" }); // row 7
    row({ last: "Dobbel", id: twice, start: "30.08.2027" }); // row 8
    row({ last: "Utenfor", start: "01.10.2027", end: "29.10.2027" }); // row 9
    row({ last: "Riktig" }); // row 10
    file = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it("the first check, without the period, reports every problem but the dates against it, and says those are pending", async () => {
    const res = await upload(file, { dryRun: true, overviewId: document.id });
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect(report).toMatchObject({ dryRun: true, saved: false, complete: false, errorCount: 7, errorRowCount: 7 });
    const sheet = report.sheets[0];
    expect(sheet).toMatchObject({ needsPeriod: true, pendingChecks: ["date.outside_period"], errorRowCount: 7 });
    const byRow = new Map(sheet?.rows.map((r) => [r.rowNumber, r.problems]));
    expect(byRow.get(2)).toEqual([
      expect.objectContaining({
        field: "nationalId",
        code: expect.stringMatching(/^national_id\.(checksum|invalid_date)$/),
        details: expect.objectContaining({ reason: "leading_zero", digits: 10 }),
        column: "Fødselsnummer",
      }),
    ]);
    expect(byRow.get(3)).toEqual([
      {
        field: "nationalId",
        code: "national_id.wrong_length",
        details: { reason: "digits", digits: 12 },
        column: "Fødselsnummer",
      },
    ]);
    expect(byRow.get(4)).toEqual([
      { field: "email", code: "email.invalid", details: { reason: "missing_at" }, column: "E-post" },
    ]);
    expect(byRow.get(5)).toEqual([
      { field: "mobile", code: "mobile.invalid", details: { reason: "digits", digits: 7 }, column: "Mobil" },
    ]);
    expect(byRow.get(6)).toEqual([
      expect.objectContaining({
        code: "rows.unknown_placement_site",
        details: { reason: "not_in_list", name: "Hjerteavd post 1" },
        suggestions: expect.arrayContaining(["Hjerteavdelinga, post 1"]),
      }),
    ]);
    expect(byRow.get(7)).toEqual([
      { field: null, code: "rows.duplicate_student", details: { reason: "national_id", rows: [8] }, column: null },
    ]);
    expect(byRow.get(8)?.[0]?.details).toEqual({ reason: "national_id", rows: [7] });
    expect(byRow.get(9)).toEqual([]);
    expect(byRow.get(10)).toEqual([]);
  });

  it("the check with the period gives the final report, and saving stores what it said", async () => {
    const dry = json<ImportReport>(await upload(file, { dryRun: true, overviewId: document.id, periods: period }));
    expect(dry).toMatchObject({ saved: false, complete: true, errorCount: 9, errorRowCount: 8 });
    expect(dry.sheets[0]).toMatchObject({ needsPeriod: false, pendingChecks: [], errorRowCount: 8 });
    const outside = dry.sheets[0]?.rows.find((r) => r.rowNumber === 9)?.problems;
    expect(outside).toEqual(
      ["startDate", "endDate"].map((field) => ({
        field,
        code: "date.outside_period",
        details: { reason: "period", start: "2027-08-16", end: "2027-09-24" },
        column: field === "startDate" ? "Startdato" : "Sluttdato",
      })),
    );

    const saved = json<ImportReport>(await upload(file, { overviewId: document.id, periods: period }));
    expect(saved).toMatchObject({ saved: true, complete: true, errorCount: dry.errorCount });
    const got = json<Overview>(await t.call("GET", `/api/overviews/${document.id}`, { cookie: cookie.coordinatorHvl }));
    expect(got.sheets.map((s) => [s.name, s.rowCount, s.problemRowCount])).toEqual([["Periode 3", 9, 8]]);
    const rows = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${got.sheets[0]?.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    expect(rows.flatMap((r) => r.problems).filter((p) => !p.warning)).toHaveLength(dry.errorCount);
    const tolv = rows.find((r) => r.lastName === "Tolv");
    expect(tolv?.problems).toEqual([
      { field: "nationalId", code: "national_id.wrong_length", details: { reason: "digits", digits: 12 } },
    ]);
  });
});

describe("refusals", () => {
  it("refuses an upload over 10 MB with a clear message", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 1);
    const res = await upload(big, { dryRun: true });
    expect(res.statusCode).toBe(413);
    expect(json<{ code: string; message: string }>(res)).toMatchObject({ code: "upload.too_large" });
  });

  it("refuses a file that is no workbook, and another institution's document", async () => {
    const res = await upload(Buffer.from("not a workbook"), { dryRun: true });
    expect(res.statusCode).toBe(400);
    expect(json<{ code: string }>(res).code).toBe("upload.not_xlsx");
    const foreign = await upload(fixture, { dryRun: true, who: cookie.coordinatorUib });
    expect(foreign.statusCode).toBe(404);
    const missing = await t.call("POST", `/api/overviews/${overview.id}/import`, { cookie: cookie.coordinatorHvl });
    expect(missing.statusCode).toBe(400);
  });
});
