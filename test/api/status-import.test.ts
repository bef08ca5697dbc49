import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatusImportReport } from "../../src/contracts/orders.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { orderLines, usernames } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { orderRows } from "../helpers/readiness-orders.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The ordering portal's status report (`POST /api/orders/status-import`): lines found by line ID or
 * by reference, national ID and system, moved by the line states' rules as the uploading FOU user,
 * reported before anything is saved (a dry run's report is the save's), bad files refused.
 */
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const encryptionKey = Buffer.alloc(32, 9).toString("base64");
const crypto = createDataCrypto(Buffer.from(encryptionKey, "base64"));
const logLines: string[] = [];
let t: TestApp;
let world: World;
let fou: string;
const ids = {
  anna: testNationalId({ individual: 810 }),
  bjørn: testNationalId({ individual: 820 }),
  cecilie: testNationalId({ individual: 830 }),
  david: testNationalId({ individual: 840 }),
};
const lineOf: Record<keyof typeof ids, string> = { anna: "", bjørn: "", cecilie: "", david: "" };
const rowOf: Record<keyof typeof ids, string> = { anna: "", bjørn: "", cecilie: "", david: "" };
const header = ["Praksistilgang-ID", "Referanse", "Fødselsnummer", "System", "Status", "Brukernavn", "Begrunnelse"];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await createTestApp({
    clock,
    logStream: stream,
    env: { DATA_ENCRYPTION_KEY: encryptionKey, LOG_LEVEL: "info" },
  });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  const admin = await t.login(world.users.admin.email);
  const names = { anna: "Anna", bjørn: "Bjørn", cecilie: "Cecilie", david: "David" };
  for (const [key, firstName] of Object.entries(names) as [keyof typeof ids, string][]) {
    const res = await t.call("POST", `/api/sheets/${world.overviews.uib.sheet.id}/rows`, {
      cookie: admin,
      body: { lastName: "Status", firstName, nationalId: ids[key] },
    });
    expect(res.statusCode, res.body).toBe(201);
    rowOf[key] = res.json().rows[0].id;
  }
  const { lines } = await orderRows(t.database.db, {
    trustId: world.trusts.bergen.id,
    systemId: world.clinical.dips.id,
    role: "Student lege",
    profileVersionId: world.clinical.doctorProfile.version.id,
    userId: world.users.studentAdmin.id,
    reference: "SP-3001",
    lines: [
      { rowId: rowOf.anna, state: "ordered" },
      { rowId: rowOf.bjørn, state: "ordered" },
      { rowId: rowOf.cecilie, state: "approved" },
      { rowId: rowOf.david, state: "implemented", username: "davsta" },
    ],
  });
  for (const line of lines) {
    const key = (Object.keys(rowOf) as (keyof typeof ids)[]).find((k) => rowOf[k] === line.rowId);
    if (key) lineOf[key] = line.id;
  }
});
afterAll(() => t.close());

function csv(rows: string[][]) {
  return Buffer.from(rows.map((r) => r.map((c) => `"${c}"`).join(";")).join("\r\n"), "utf8");
}

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Status");
  ws.addRow(["Statusrapport fra Samlepunktet"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(file: Buffer, opts: { dryRun?: boolean; cookie?: string; name?: string } = {}) {
  const boundary = `----status${Math.random().toString(16).slice(2)}`;
  const name = opts.name ?? "status.csv";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/api/orders/status-import${opts.dryRun ? "?dryRun=true" : ""}`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: opts.cookie ?? fou },
    payload: body,
  });
}

const lineState = async (id: string) => (await t.database.db.select().from(orderLines).where(eq(orderLines.id, id)))[0];

describe("POST /api/orders/status-import", () => {
  it("reports what changes and what does not match before saving, and the save does what the dry run said", async () => {
    const file = csv([
      header,
      // By reference, national ID and system.
      ["", "sp-3001", ids.anna, "DIPS arena", "Iverksatt", "annsta", ""],
      ["", "SP-3001", ids.bjørn, "DIPS Arena", "Avvist", "", "Mangler taushetserklæring"],
      // By line ID.
      [lineOf.cecilie, "", "", "", "Implemented", "cecsta", ""],
      // Already implemented: not applicable, with its state.
      [lineOf.david, "", "", "", "Godkjent", "", ""],
      // An unknown reference, an unknown line ID, an unknown word.
      ["", "SP-9999", ids.anna, "DIPS Arena", "Godkjent", "", ""],
      ["00000000-0000-4000-8000-000000000000", "", "", "", "Godkjent", "", ""],
      ["", "SP-3001", ids.anna, "DIPS Arena", "Kanskje", "", ""],
    ]);
    const dry = await upload(file, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json() as StatusImportReport;
    expect(report).toMatchObject({ dryRun: true, saved: false, rowsRead: 7 });
    expect(report.changes.map((c) => [c.rowNumber, c.lineId, c.from, c.to, c.username])).toEqual([
      [2, lineOf.anna, "ordered", "implemented", "annsta"],
      [3, lineOf.bjørn, "ordered", "rejected", null],
      [4, lineOf.cecilie, "approved", "implemented", "cecsta"],
    ]);
    expect(report.changes[0]).toMatchObject({
      firstName: "Anna",
      lastName: "Status",
      system: "DIPS Arena",
      reference: "SP-3001",
    });
    expect(report.problems).toEqual([
      { rowNumber: 5, code: "not_applicable", lineId: lineOf.david, state: "implemented", value: null },
      { rowNumber: 6, code: "unknown_reference", lineId: null, state: null, value: "SP-9999" },
      {
        rowNumber: 7,
        code: "unknown_line",
        lineId: null,
        state: null,
        value: "00000000-0000-4000-8000-000000000000",
      },
      { rowNumber: 8, code: "unknown_status", lineId: null, state: null, value: "Kanskje" },
    ]);
    // The dry run changed nothing.
    expect((await lineState(lineOf.anna))?.state).toBe("ordered");
    expect(await t.database.db.select().from(usernames)).toEqual([]);

    clock.advance(60_000);
    const saved = await upload(file);
    expect(saved.statusCode, saved.body).toBe(200);
    expect({ ...saved.json(), dryRun: true, saved: false }).toEqual(report);
    expect(saved.json().saved).toBe(true);

    const anna = await lineState(lineOf.anna);
    expect(anna).toMatchObject({
      state: "implemented",
      username: "annsta",
      implementedBy: world.users.studentAdmin.id,
      implementedAt: clock.now(),
    });
    expect(await lineState(lineOf.bjørn)).toMatchObject({
      state: "rejected",
      rejectReason: "Mangler taushetserklæring",
      rejectedBy: world.users.studentAdmin.id,
    });
    // The username is the person's, keyed by the national ID's keyed hash.
    const recorded = await t.database.db
      .select()
      .from(usernames)
      .where(eq(usernames.nationalIdHash, crypto.hash(ids.anna)));
    expect(recorded).toMatchObject([{ username: "annsta", recordedBy: world.users.studentAdmin.id }]);
    // The Bestilt cells follow the lines.
    const [annaRow] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, rowOf.anna));
    const [bjørnRow] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, rowOf.bjørn));
    expect([annaRow?.orderState, bjørnRow?.orderState]).toEqual(["implemented", "rejected"]);
    // Audited as an import of each line, by FOU.
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "order_line"), eq(auditEvents.action, "import")));
    expect(audits.map((a) => a.entityId).sort()).toEqual([lineOf.anna, lineOf.bjørn, lineOf.cecilie].sort());
    expect(audits.every((a) => a.actorId === world.users.studentAdmin.id)).toBe(true);
    // The readiness line shows the username as verified.
    const readiness = await t.call("GET", `/api/readiness?q=anna`, { cookie: fou });
    expect(readiness.json().items[0]).toMatchObject({ username: "annsta", usernameVerified: true });
    // National IDs are never logged.
    for (const id of Object.values(ids)) expect(logLines.join("\n")).not.toContain(id);
  });

  it("answers a line already moved as not applicable with its state, and saves nothing when nothing applies", async () => {
    const file = csv([header, ["", "SP-3001", ids.anna, "DIPS Arena", "Iverksatt", "annsta", ""]]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      saved: false,
      changes: [],
      problems: [{ rowNumber: 2, code: "not_applicable", lineId: lineOf.anna, state: "implemented" }],
    });
  });

  it("applies none of the rows that name the same line", async () => {
    const dup = csv([
      header,
      [lineOf.david, "", "", "", "Godkjent", "", ""],
      ["", "SP-3001", ids.david, "DIPS Arena", "Avvist", "", "Feil"],
    ]);
    const res = await upload(dup, { dryRun: true });
    expect(res.json().problems.map((p: { rowNumber: number; code: string }) => [p.rowNumber, p.code])).toEqual([
      [2, "duplicate_line"],
      [3, "duplicate_line"],
    ]);
  });

  it("reads the first sheet of an .xlsx, with a title row above the header, and a username missing is named", async () => {
    const file = await xlsx([
      ["PRAKSISTILGANG-ID", "Status", "Brukernavn", "Begrunnelse", "Referanse", "Fødselsnummer", "System"],
      [lineOf.david, "Implemented", "", "", "", "", ""],
    ]);
    const res = await upload(file, { dryRun: true, name: "status.xlsx" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      rowsRead: 1,
      problems: [{ rowNumber: 3, code: "username_missing", lineId: lineOf.david }],
    });
  });

  it("refuses a changed column layout with the missing header named, and changes nothing", async () => {
    const res = await upload(
      csv([
        ["Praksistilgang-ID", "Tilstand", "Brukernavn", "Begrunnelse"],
        [lineOf.david, "Godkjent", "", ""],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "status_import.column_missing", details: { header: "Status" } });
    const noKey = await upload(
      csv([
        ["Status", "Brukernavn", "Begrunnelse", "Referanse"],
        ["Godkjent", "", "", "SP-3001"],
      ]),
    );
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().details.header).toBe("Praksistilgang-ID");
  });

  it("is FOU's: coordinators, the IT provider and admins are refused before the file is read", async () => {
    for (const email of [world.users.coordinatorUib.email, world.users.itProvider.email, world.users.admin.email]) {
      const res = await upload(csv([header]), { cookie: await t.login(email) });
      expect(res.statusCode, email).toBe(403);
    }
    const missing = await t.call("POST", "/api/orders/status-import", { cookie: fou, body: {} });
    expect(missing.statusCode).toBe(400);
  });
});
