import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row, Sheet } from "../../src/contracts/overviews.ts";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Bad input is a 400 naming the field, never a 500, and the log never holds personal data (issue 7,
 * part 3): impossible dates on every entry point, NUL characters, a cut-off multipart body, and
 * database errors logged without the query's values. Today: 28.11.2026.
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const cookie: Record<string, string> = {};
let sheet: Sheet;
let intlSheet: Sheet;
const logLines: string[] = [];

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

/** The impossible dates of the issue, by field: no 30 February, no 29 February in 2025, no month 13, no year 0. */
const impossible = [
  ["startDate", "2027-02-30"],
  ["birthDate", "2025-02-29"],
  ["endDate", "2027-13-01"],
  ["endDate", "0000-01-01"],
] as const;

const kari = {
  lastName: "Nordmann",
  firstName: "Kari",
  nationalId: testNationalId({ year: 2035, month: 3, day: 14, individual: 500 }),
  email: "kari.nordmann@stud.hvl.no",
  mobile: "912 34 567",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: "2027-03-01",
  endDate: "2027-04-09",
};

/** Personal values this file sends; none may reach the log. */
const personal = ["Nordmann", "kari.nordmann", "91234567", "912 34 567", kari.nationalId, "Smith", "Alice"];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ clock, logStream: stream, env: { LOG_LEVEL: "info" } });
  world = await seedWorld(t.database.db);
  // A route that fails in the database the way a bug would, with personal data among the query's values.
  t.app.post("/api/test/database-errors/:kind", { config: { access: "public" } }, async (req) => {
    const { kind } = req.params as { kind: string };
    if (kind === "foreign-key") {
      await t.database.db.insert(persons).values({
        trustId: randomUUID(),
        firstName: "Kari",
        lastName: "Nordmann",
        email: "kari.nordmann@stud.hvl.no",
        mobile: "+4791234567",
        nationalIdEnc: "v1.aXZpdml2aXZpdg.dGFndGFn.Y2lwaGVydGV4dA",
      });
    } else {
      await t.database.db.execute(sql`select ${"2027-02-30"}::date as d, ${"Kari Nordmann"}::text as n`);
    }
    return { ok: true };
  });
  for (const key of ["coordinatorHvl", "admin"] as const) cookie[key] = await t.login(world.users[key].email);
  // The seeded document has "Periode 1" (01.03.–09.04.2027); its international sheet is added here.
  sheet = json<{ sheet: Sheet }>(
    await t.call("GET", `/api/sheets/${world.overviews.hvl.sheet.id}/rows`, { cookie: cookie.coordinatorHvl }),
  ).sheet;
  const res = await t.call("POST", `/api/overviews/${world.overviews.hvl.overview.id}/sheets`, {
    cookie: cookie.coordinatorHvl,
    body: { kind: "international", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
  });
  expect(res.statusCode, res.body).toBe(201);
  intlSheet = json<Sheet>(res);
});
afterAll(async () => {
  await t?.close();
});

const addRows = (sheetId: string, body: unknown, who = cookie.coordinatorHvl) =>
  t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: who, body });
const rowsOf = async (sheetId: string) =>
  json<{ rows: Row[] }>(await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinatorHvl })).rows;
const sheetFor = (field: string) => (field === "birthDate" ? intlSheet : sheet);

/** A multipart body with the workbook in `file`; `cut` leaves out the closing boundary. */
function multipart(file: Buffer, opts: { fields?: Record<string, string>; cut?: boolean } = {}) {
  const boundary = `----praksistilgang${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(opts.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(opts.cut ? "" : `\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const upload = (file: Buffer, opts: { dryRun?: boolean; fields?: Record<string, string>; cut?: boolean } = {}) => {
  const m = multipart(file, opts);
  return t.app.inject({
    method: "POST",
    url: `/api/overviews/${world.overviews.hvl.overview.id}/import${opts.dryRun ? "?dryRun=true" : ""}`,
    headers: { ...m.headers, cookie: cookie.coordinatorHvl },
    payload: m.body,
  });
};

/** A workbook with the document's two sheets, every value a text cell as typed. */
async function workbook(norwegian: string[][], international: string[][]) {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, header: string[], rows: string[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
  };
  add(
    sheet.name,
    ["Etternavn", "Fornavn", "Fødselsnummer", "E-post", "Mobil", "Praksissted", "Startdato", "Sluttdato"],
    norwegian,
  );
  add(
    intlSheet.name,
    ["Surname", "First name", "Date of birth", "E-mail", "Mobile", "Placement site", "Start date", "End date"],
    international,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const problemsOf = (report: ImportReport) =>
  report.sheets.flatMap((s) =>
    s.rows.flatMap((r) => r.problems.map((p) => ({ label: r.label, field: p.field, code: p.code }))),
  );

describe("impossible dates: one rule for every entry point", () => {
  it("refuses a sheet whose period has an impossible date, naming the field", async () => {
    for (const [field, value] of impossible) {
      const f = field === "birthDate" ? "startDate" : field;
      const period = { startDate: "2027-08-16", endDate: "2027-10-01", [f]: value };
      const res = await t.call("POST", `/api/overviews/${world.overviews.hvl.overview.id}/sheets`, {
        cookie: cookie.coordinatorHvl,
        body: { kind: "norwegian", label: "Periode", number: 2, ...period },
      });
      expect(res.statusCode, `${f} ${value}: ${res.body}`).toBe(400);
      expect(json<{ code: string; details: { issues: unknown[] } }>(res)).toMatchObject({
        code: "validation.failed",
        details: { issues: [{ path: f, message: "date.invalid" }] },
      });
    }
  });

  it("keeps an added or pasted impossible date as typed, flagged date.invalid, and stores the row", async () => {
    for (const [field, value] of impossible) {
      const target = sheetFor(field);
      const res = await addRows(target.id, { ...kari, firstName: `Kari ${field} ${value}`, [field]: value });
      expect(res.statusCode, `${field} ${value}: ${res.body}`).toBe(201);
      const row = json<{ rows: Row[] }>(res).rows[0] as Row;
      expect(row[field]).toBeNull();
      expect(row.problems).toContainEqual({ field, code: "date.invalid" });
      const stored = (await rowsOf(target.id)).find((r) => r.id === row.id);
      expect(stored?.problems).toContainEqual({ field, code: "date.invalid" });
    }
    const pasted = await addRows(sheet.id, {
      rows: [
        { ...kari, firstName: "Ola", email: "ola@stud.hvl.no", startDate: "30.02.2027" },
        { ...kari, firstName: "Per", email: "per@stud.hvl.no", endDate: "2027-13-01" },
      ],
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    expect(json<{ rows: Row[] }>(pasted).rows.map((r) => r.problems.filter((p) => p.code === "date.invalid"))).toEqual([
      [{ field: "startDate", code: "date.invalid" }],
      [{ field: "endDate", code: "date.invalid" }],
    ]);
  });

  it("refuses an impossible date on PATCH with 400 rows.invalid naming the field, saving nothing", async () => {
    for (const [field, value] of impossible) {
      const target = sheetFor(field);
      const created = await addRows(target.id, { ...kari, firstName: `Patch ${field}`, email: `${field}@stud.hvl.no` });
      const row = json<{ rows: Row[] }>(created).rows[0] as Row;
      const res = await t.call("PATCH", `/api/rows/${row.id}`, {
        cookie: cookie.coordinatorHvl,
        body: { version: row.version, [field]: value },
      });
      expect(res.statusCode, `${field} ${value}: ${res.body}`).toBe(400);
      expect(json<{ code: string; details: unknown }>(res)).toMatchObject({
        code: "rows.invalid",
        details: { issues: [{ path: field, message: "date.invalid" }] },
      });
      const after = (await rowsOf(target.id)).find((r) => r.id === row.id);
      expect(after?.version).toBe(row.version);
    }
  });

  it("reports an impossible date typed as text in a workbook, in the dry run and on saving", async () => {
    const file = await workbook(
      [
        ["Import", "Start", "", "start@stud.hvl.no", "41234567", kari.placementSiteName, "2027-02-30", "2027-04-09"],
        ["Import", "Slutt", "", "slutt@stud.hvl.no", "41234568", kari.placementSiteName, "2027-03-01", "2027-13-01"],
        ["Import", "Null", "", "null@stud.hvl.no", "41234569", kari.placementSiteName, "2027-03-01", "0000-01-01"],
      ],
      [
        [
          "Smith",
          "Alice",
          "2025-02-29",
          "alice@uni.edu",
          "+4641234567",
          kari.placementSiteName,
          "2027-03-01",
          "2027-04-09",
        ],
      ],
    );
    const expected = [
      { label: "Import, Start", field: "startDate", code: "date.invalid" },
      { label: "Import, Slutt", field: "endDate", code: "date.invalid" },
      { label: "Import, Null", field: "endDate", code: "date.invalid" },
      { label: "Smith, Alice", field: "birthDate", code: "date.invalid" },
    ];
    const dry = await upload(file, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const dryProblems = problemsOf(json<ImportReport>(dry));
    for (const p of expected) expect(dryProblems).toContainEqual(p);

    const saved = await upload(file);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<ImportReport>(saved).saved).toBe(true);
    const rows = [...(await rowsOf(sheet.id)), ...(await rowsOf(intlSheet.id))];
    for (const p of expected) {
      const row = rows.find((r) => `${r.lastName}, ${r.firstName}` === p.label);
      expect(row?.problems, p.label).toContainEqual({ field: p.field, code: p.code });
    }
  });

  it("refuses impossible period dates of new sheets in an import", async () => {
    const file = await workbook([], []);
    const res = await upload(file, {
      fields: { periods: JSON.stringify({ "Periode 9": { startDate: "2027-02-30", endDate: "2027-04-09" } }) },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(json<{ code: string }>(res).code).toBe("import.invalid_periods");
  });

  it("refuses impossible dates in the audit trail's filters, naming the field", async () => {
    for (const [param, value] of [
      ["from", "2027-02-30"],
      ["to", "2027-13-01"],
      ["from", "0000-01-01"],
      ["to", "0000-01-01T00:00:00.000Z"],
      ["from", "2025-02-29T10:00:00Z"],
    ] as const) {
      const res = await t.call("GET", `/api/audit?${param}=${encodeURIComponent(value)}`, { cookie: cookie.admin });
      expect(res.statusCode, `${param}=${value}: ${res.body}`).toBe(400);
      expect(json<{ code: string; details: unknown }>(res)).toMatchObject({
        code: "validation.failed",
        details: { issues: [{ path: param, message: "date.invalid" }] },
      });
    }
    const day = await t.call("GET", "/api/audit?from=2026-11-01&to=2026-11-29", { cookie: cookie.admin });
    expect(day.statusCode, day.body).toBe(200);
    const moment = await t.call("GET", `/api/audit?from=${encodeURIComponent("2026-10-31T23:00:00.000Z")}`, {
      cookie: cookie.admin,
    });
    expect(moment.statusCode, moment.body).toBe(200);
  });
});

describe("NUL characters", () => {
  it("refuses a NUL in a JSON string with 400 validation.nul_character and the field's path", async () => {
    const res = await addRows(sheet.id, { lastName: "a\u0000b" });
    expect(res.statusCode, res.body).toBe(400);
    expect(json<{ code: string; details: unknown }>(res)).toMatchObject({
      code: "validation.nul_character",
      details: { issues: [{ path: "lastName", message: "validation.nul_character" }] },
    });
    // As the raw JSON escape, in a pasted row and in a PATCH.
    const raw = await t.app.inject({
      method: "POST",
      url: `/api/sheets/${sheet.id}/rows`,
      headers: { cookie: cookie.coordinatorHvl, "content-type": "application/json" },
      payload: '{"rows":[{"lastName":"ok"},{"lastName":"a\\u0000b"}]}',
    });
    expect(raw.statusCode, raw.body).toBe(400);
    expect(json<{ details: unknown }>(raw).details).toEqual({
      issues: [{ path: "rows.1.lastName", message: "validation.nul_character" }],
    });
    const row = (await rowsOf(sheet.id))[0] as Row;
    const patch = await t.call("PATCH", `/api/rows/${row.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: row.version, email: "kari\u0000@stud.hvl.no" },
    });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(json<{ code: string }>(patch).code).toBe("validation.nul_character");
  });

  it("refuses a NUL in a query string, and still answers 401 before it to an anonymous caller", async () => {
    const res = await t.call("GET", "/api/search?q=No%00rd", { cookie: cookie.coordinatorHvl });
    expect(res.statusCode, res.body).toBe(400);
    expect(json<{ code: string; details: unknown }>(res)).toMatchObject({
      code: "validation.nul_character",
      details: { issues: [{ path: "q", message: "validation.nul_character" }] },
    });
    const anonymous = await t.call("POST", `/api/sheets/${sheet.id}/rows`, { body: { lastName: "a\u0000b" } });
    expect(anonymous.statusCode).toBe(401);
  });

  it("drops a NUL from an imported workbook's cell (exceljs decodes _x0000_) and saves the row", async () => {
    const file = await workbook(
      [["NulMARKlast", "Nils", "", "nils@stud.hvl.no", "41234570", kari.placementSiteName, "2027-03-01", "2027-04-09"]],
      [],
    );
    const zip = await JSZip.loadAsync(file);
    const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    expect(strings).toContain("NulMARKlast");
    zip.file("xl/sharedStrings.xml", strings.replace("MARK", "_x0000_"));
    const crafted = await zip.generateAsync({ type: "nodebuffer" });

    const dry = await upload(crafted, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(json<ImportReport>(dry).sheets[0]?.rows.map((r) => r.label)).toContain("Nullast, Nils");
    const saved = await upload(crafted);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await rowsOf(sheet.id)).some((r) => r.lastName === "Nullast" && r.firstName === "Nils")).toBe(true);
  });
});

describe("multipart", () => {
  it("answers 400 upload.malformed to an import whose body lacks its closing boundary", async () => {
    const file = await workbook([], []);
    for (const dryRun of [true, false]) {
      const res = await upload(file, { dryRun, cut: true });
      expect(res.statusCode, res.body).toBe(400);
      expect(json<{ code: string }>(res).code).toBe("upload.malformed");
    }
  });
});

describe("database errors in the log", () => {
  it("are logged with SQLSTATE, constraint and table only, never the query's values", async () => {
    const before = logLines.length;
    for (const kind of ["foreign-key", "date"]) {
      const res = await t.call("POST", `/api/test/database-errors/${kind}`);
      expect(res.statusCode).toBe(500);
      expect(json<{ code: string }>(res).code).toBe("server.error");
    }
    const lines = logLines.slice(before).filter((l) => l.includes("request failed"));
    expect(lines).toHaveLength(2);
    const [fk, date] = lines.map((l) => JSON.parse(l).err as Record<string, unknown>);
    expect(fk).toMatchObject({ code: "23503", constraint: expect.stringContaining("trust"), table: "persons" });
    expect(date).toMatchObject({ code: "22008" });
    const allowed = [
      "type",
      "message",
      "code",
      "severity",
      "schema",
      "table",
      "column",
      "constraint",
      "routine",
      "stack",
    ];
    for (const err of [fk, date]) expect(Object.keys(err ?? {}).filter((k) => !allowed.includes(k))).toEqual([]);
    const text = lines.join("\n");
    for (const value of [
      "Kari",
      "Nordmann",
      "kari.nordmann",
      "4791234567",
      "v1.aXZp",
      "Y2lwaGVydGV4dA",
      "2027-02-30",
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain("Failed query");
    expect(text).not.toContain("params");
  });

  it("nothing in this file answered 500 but the test route, and no personal value reached the log", () => {
    expect(logLines.filter((l) => l.includes("request failed"))).toHaveLength(2);
    const text = logLines.join("\n");
    for (const value of personal) expect(text).not.toContain(value);
  });
});
