import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../src/contracts/dashboard.ts";
import type { Overview, Row, Sheet } from "../../src/contracts/overviews.ts";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { placementRows, rowComments } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { retentionJobs } from "../../src/server/modules/retention/retention.jobs.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

/**
 * The overviews after the retention job (SPEC §4): an anonymised row stays in its sheet for the
 * counts, with `anonymisedAt`, but has no problems, does not raise the sheet's error count when
 * another row is saved, is read-only (409 `rows.anonymised`), is not found by search and is neither
 * matched nor wrongly removed by an Excel re-import. The data are entered in January 2025; the job
 * runs on 31.05.2026, when Kari's placement (ended 30.04.2025) is past Helse Bergen's 12 months and
 * Per's (a later placement ending 30.06.2025) is not.
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2025-01-10T09:00:00Z"));
const cookie = {} as Record<"hvl" | "fou" | "admin", string>;
const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

const run = new Date("2026-05-31T01:00:00Z");
const kariId = testNationalId({ year: 2035, month: 3, day: 14, individual: 600 });
const perId = testNationalId({ year: 2035, month: 5, day: 2, individual: 620 });

let overview: Overview;
let periodOne: Sheet;
let kari: Row;
let per: Row;

const student = (lastName: string, firstName: string, nationalId: string, start: string, end: string) => ({
  lastName,
  firstName,
  nationalId,
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@stud.hvl.no`,
  mobile: "912 34 567",
  nationality: "Norsk",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: start,
  endDate: end,
});

async function addSheet(number: number, startDate: string, endDate: string) {
  const res = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
    cookie: cookie.hvl,
    body: { kind: "norwegian", label: "Periode", number, startDate, endDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Sheet>(res);
}

async function addRow(sheetId: string, body: Record<string, string>) {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: cookie.hvl, body });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ rows: Row[] }>(res).rows[0] as Row;
}

const sheetRows = async (sheetId: string, who = cookie.hvl) => {
  const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: who });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ sheet: Sheet; rows: Row[] }>(res);
};
const stored = async (id: string) =>
  (await t.database.db.select().from(placementRows).where(eq(placementRows.id, id)))[0];
const problemRows = async (who: string) =>
  json<Dashboard>(await t.call("GET", "/api/dashboard", { cookie: who })).items.find((i) => i.key === "problemRows")
    ?.count;

/** A multipart body with the workbook in `file`. */
function multipart(file: Buffer) {
  const boundary = `----praksistilgang${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function upload(file: Buffer, dryRun: boolean) {
  const m = multipart(file);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/overviews/${overview.id}/import${dryRun ? "?dryRun=true" : ""}`,
    headers: { ...m.headers, cookie: cookie.hvl },
    payload: m.body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return json<ImportReport>(res);
}

/** The exported document, with `edit` applied to the sheet "Periode 1". */
async function exportedWorkbook(edit?: (ws: ExcelJS.Worksheet, column: (header: string) => number) => void) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/overviews/${overview.id}/export`,
    headers: { cookie: cookie.hvl },
  });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Periode 1") as ExcelJS.Worksheet;
  const column = (header: string) => {
    let col = 0;
    ws.getRow(1).eachCell((c, n) => {
      if (String(c.value) === header) col = n;
    });
    expect(col, header).toBeGreaterThan(0);
    return col;
  };
  edit?.(ws, column);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet's line whose last name is "Slettet" (the anonymised row), by its row number. */
const slettetLine = (ws: ExcelJS.Worksheet, column: (header: string) => number) => {
  let line = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(column("Etternavn")).value === "Slettet") line = n;
  });
  expect(line).toBeGreaterThan(1);
  return line;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  cookie.hvl = await t.login(world.users.coordinatorHvl.email);
  cookie.fou = await t.login(world.users.studentAdmin.email);
  cookie.admin = await t.login(world.users.admin.email);

  const created = await t.call("POST", "/api/overviews", {
    cookie: cookie.hvl,
    body: { programmeId: world.catalog.hvlNursing.id, cohort: 2023 },
  });
  expect(created.statusCode, created.body).toBe(201);
  overview = json<Overview>(created);
  periodOne = await addSheet(1, "2025-03-03", "2025-04-30");
  const periodTwo = await addSheet(2, "2025-06-02", "2025-06-30");
  kari = await addRow(periodOne.id, student("Nordmann", "Kari", kariId, "03.03.2025", "30.04.2025"));
  per = await addRow(periodOne.id, student("Persen", "Per", perId, "03.03.2025", "30.04.2025"));
  await addRow(periodTwo.id, student("Persen", "Per", perId, "02.06.2025", "30.06.2025"));
});
afterAll(async () => {
  await t?.close();
});

describe(`an anonymised row in the overviews (${testDbKind})`, () => {
  let problemRowsBefore: number | undefined;

  it("starts as an ordinary row without problems", async () => {
    const { sheet, rows } = await sheetRows(periodOne.id);
    expect(sheet.problemRowCount).toBe(0);
    expect(rows.map((r) => [r.lastName, r.anonymisedAt, r.problems])).toEqual([
      ["Nordmann", null, []],
      ["Persen", null, []],
    ]);
    problemRowsBefore = await problemRows(cookie.hvl);
    expect(problemRowsBefore).toBeTypeOf("number");
  });

  it("is stamped by the retention job, shown with anonymisedAt and without problems", async () => {
    const result = await retentionJobs({ db: t.database.db, clock }).runRetention(run);
    expect(result).toMatchObject({ persons: 1, rows: 1 });
    expect((await stored(kari.id))?.anonymisedAt).toEqual(run);
    const person = (
      await t.database.db
        .select()
        .from(persons)
        .where(eq(persons.id, kari.personId as string))
    )[0];
    expect(person?.anonymisedAt).toEqual(run);
    expect((await stored(per.id))?.anonymisedAt).toBeNull();

    for (const who of [cookie.hvl, cookie.fou]) {
      const { sheet, rows } = await sheetRows(periodOne.id, who);
      const row = rows.find((r) => r.id === kari.id);
      expect(row).toMatchObject({
        anonymisedAt: run.toISOString(),
        lastName: "Slettet",
        firstName: "",
        nationalIdMasked: null,
        email: "",
        mobile: "",
        problems: [],
        learningPortalState: "not_needed",
        startDate: "2025-03-03",
        endDate: "2025-04-30",
      });
      expect(rows.find((r) => r.id === per.id)?.anonymisedAt).toBeNull();
      expect(sheet.problemRowCount).toBe(0);
      expect(sheet.rowCount).toBe(2);
    }
  });

  it("does not raise the sheet's error count or the start page when another row of the sheet is saved", async () => {
    const patched = await t.call("PATCH", `/api/rows/${per.id}`, {
      cookie: cookie.hvl,
      body: { version: per.version, mobile: "412 34 567" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    per = json<Row>(patched);
    expect((await stored(kari.id))?.errorCount).toBe(0);
    const { sheet, rows } = await sheetRows(periodOne.id);
    expect(sheet.problemRowCount).toBe(0);
    expect(rows.find((r) => r.id === kari.id)?.problems).toEqual([]);
    const doc = json<Overview>(await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.hvl }));
    expect(doc.sheets.find((s) => s.id === periodOne.id)?.problemRowCount).toBe(0);
    expect(await problemRows(cookie.hvl)).toBe(problemRowsBefore);
  });

  it("is read-only: PATCH, DELETE and comments answer 409 rows.anonymised and change nothing", async () => {
    const before = await stored(kari.id);
    const version = before?.version as number;
    const patch = await t.call("PATCH", `/api/rows/${kari.id}`, {
      cookie: cookie.hvl,
      body: { version, firstName: "Kari", email: "kari.nordmann@stud.hvl.no" },
    });
    expect(patch.statusCode, patch.body).toBe(409);
    expect(json<{ code: string; message: string }>(patch)).toMatchObject({
      code: "rows.anonymised",
      message: expect.stringContaining("personal data"),
    });
    const remove = await t.call("DELETE", `/api/rows/${kari.id}?version=${version}`, { cookie: cookie.fou });
    expect(remove.statusCode, remove.body).toBe(409);
    expect(json<{ code: string }>(remove).code).toBe("rows.anonymised");
    const comment = await t.call("POST", `/api/rows/${kari.id}/comments`, {
      cookie: cookie.admin,
      body: { body: "Kari har levert politiattest" },
    });
    expect(comment.statusCode, comment.body).toBe(409);
    expect(json<{ code: string }>(comment).code).toBe("rows.anonymised");

    expect(await stored(kari.id)).toEqual(before);
    expect(await t.database.db.select().from(rowComments).where(eq(rowComments.rowId, kari.id))).toEqual([]);
  });

  it("is not found by search", async () => {
    for (const who of [cookie.hvl, cookie.fou]) {
      const slettet = json<{ results: unknown[] }>(await t.call("GET", "/api/search?q=Slettet", { cookie: who }));
      expect(slettet.results).toEqual([]);
      const persen = json<{ results: { rowId: string }[] }>(
        await t.call("GET", "/api/search?q=Persen", { cookie: who }),
      );
      expect(persen.results.map((r) => r.rowId)).toContain(per.id);
    }
  });

  it("does not stop the sheet from being submitted", async () => {
    const res = await t.call("POST", `/api/sheets/${periodOne.id}/submit`, { cookie: cookie.hvl });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("is not copied into a new period", async () => {
    const res = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.hvl,
      body: {
        kind: "norwegian",
        label: "Periode",
        number: 3,
        startDate: "2025-09-01",
        endDate: "2025-10-29",
        copyFromSheetId: periodOne.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const copy = json<Sheet>(res);
    expect(copy.rowCount).toBe(1);
    const { rows } = await sheetRows(copy.id);
    expect(rows.map((r) => [r.lastName, r.anonymisedAt])).toEqual([["Persen", null]]);
  });

  it("is exported as it is and left alone by re-importing the export", async () => {
    const before = await stored(kari.id);
    const file = await exportedWorkbook((ws, column) => {
      const line = ws.getRow(slettetLine(ws, column));
      expect(line.getCell(column("Fornavn")).value ?? "").toBe("");
      expect(line.getCell(column("Fødselsnummer")).value ?? "").toBe("");
    });
    const dry = await upload(file, true);
    const p1 = dry.sheets.find((s) => s.name === "Periode 1");
    expect([p1?.added, p1?.changed, p1?.removed, p1?.unchanged]).toEqual([0, 0, 0, 2]);
    expect(p1?.rows.find((r) => r.rowId === kari.id)).toMatchObject({ action: "unchanged", problems: [] });
    expect(dry.errorCount).toBe(0);

    const saved = await upload(file, false);
    expect(saved.saved).toBe(true);
    expect(await stored(kari.id)).toEqual(before);
  });

  it("does not take personal data from the file into its line (a warning says so)", async () => {
    const before = await stored(kari.id);
    const file = await exportedWorkbook((ws, column) => {
      const line = ws.getRow(slettetLine(ws, column));
      line.getCell(column("Fornavn")).value = "Kari";
      line.getCell(column("E-post")).value = "kari.nordmann@stud.hvl.no";
    });
    const report = await upload(file, false);
    const p1 = report.sheets.find((s) => s.name === "Periode 1");
    expect([p1?.added, p1?.changed, p1?.removed]).toEqual([0, 0, 0]);
    expect(p1?.rows.find((r) => r.rowId === kari.id)).toMatchObject({
      action: "unchanged",
      problems: [{ field: null, code: "rows.anonymised", warning: true, column: null }],
    });
    expect(report.errorCount).toBe(0);
    expect(await stored(kari.id)).toEqual(before);
  });

  it("is removed like any other row by an import whose file leaves it out", async () => {
    const file = await exportedWorkbook((ws, column) => ws.spliceRows(slettetLine(ws, column), 1));
    const dry = await upload(file, true);
    const p1 = dry.sheets.find((s) => s.name === "Periode 1");
    expect([p1?.added, p1?.changed, p1?.removed]).toEqual([0, 0, 1]);
    expect(p1?.removedRows).toEqual([{ rowId: kari.id, label: "Slettet" }]);

    const saved = await upload(file, false);
    expect(saved.saved).toBe(true);
    expect(await stored(kari.id)).toBeUndefined();
    const { sheet, rows } = await sheetRows(periodOne.id);
    expect(rows.map((r) => r.id)).toEqual([per.id]);
    expect(sheet.problemRowCount).toBe(0);
  });
});
