import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateOrderResponse, Order, OrderRowCheck, OrderSummary } from "../../src/contracts/orders.ts";
import type { Row } from "../../src/contracts/overviews.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { orderLines } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * FOU's orders (SPEC §3.2 step 4): the dry run of a submitted sheet's rows (ready, warned about,
 * refused, with why), the order with one draft line per row and system, the ordering portal's
 * file both ways, marking it ordered (the Bestilt cells follow, the coordinators are told),
 * cancelling, and who may do what. Every query of the caller's trust only.
 */
let t: TestApp;
let world: World;
const callers = ["studentAdmin", "coordinatorUib", "ehealth", "itProvider", "admin", "fonnaAdmin"] as const;
const cookie = {} as Record<(typeof callers)[number], string>;
const key = randomBytes(32).toString("base64");
const ids = {
  ready: testNationalId({ year: 2003, month: 2, day: 9, individual: 433 }),
  unconfirmed: testNationalId({ year: 2003, month: 4, day: 11, individual: 120 }),
  notInHr: testNationalId({ year: 2002, month: 6, day: 1, individual: 210 }),
  late: testNationalId({ year: 2001, month: 7, day: 3, individual: 310 }),
};
const rows = {} as Record<keyof typeof ids | "errors" | "seed", Row>;
let sheetId: string;

const post = (path: string, body?: unknown, who = cookie.studentAdmin) => t.call("POST", path, { cookie: who, body });
const order = (rowIds: string[], options: { dryRun?: boolean; acceptWarnings?: boolean } = {}, who?: string) =>
  post(
    `/api/orders${options.dryRun ? "?dryRun=true" : ""}`,
    { sheetId, rowIds, ...(options.acceptWarnings ? { acceptWarnings: true } : {}) },
    who,
  );
const byRow = (res: { rows: OrderRowCheck[] }) => new Map(res.rows.map((r) => [r.rowId, r]));

/** A row of the sheet, complete but for what `body` says. */
async function addRow(body: Record<string, unknown>): Promise<Row> {
  const complete = {
    email: `${String(body.firstName).toLowerCase()}@uib.no`,
    mobile: "+4791234567",
    placementSiteId: world.catalog.bergenSite.id,
    startDate: "2027-03-01",
    endDate: "2027-04-09",
    ...body,
  };
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinatorUib, body: complete });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().rows[0] as Row;
}

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock(), env: { DATA_ENCRYPTION_KEY: key } });
  world = await seedWorld(t.database.db);
  for (const c of callers) cookie[c] = await t.login(world.users[c].email);
  sheetId = world.overviews.uib.sheet.id;
  const [seedRow] = await t.database.db.select().from(placementRows).where(eq(placementRows.sheetId, sheetId));
  rows.seed = seedRow as unknown as Row;
  await t.database.db.delete(placementRows).where(eq(placementRows.sheetId, sheetId));
  rows.ready = await addRow({ lastName: "Klar", firstName: "Kari", nationalId: ids.ready, email: "kari@uib.no" });
  rows.unconfirmed = await addRow({
    lastName: "Ubekreftet",
    firstName: "Ulf",
    nationalId: ids.unconfirmed,
    email: "ulf@uib.no",
    previousUsername: "ulfu01",
  });
  rows.notInHr = await addRow({ lastName: "Ikkeoverført", firstName: "Ida", nationalId: ids.notInHr });
  const db = t.database.db;
  const at = new Date("2026-11-20T10:00:00Z");
  await db
    .update(persons)
    .set({ hrTransferredAt: at, emailConfirmedAt: at })
    .where(eq(persons.id, rows.ready.personId as string));
  await db
    .update(persons)
    .set({ hrTransferredAt: at })
    .where(eq(persons.id, rows.unconfirmed.personId as string));
  await db
    .update(persons)
    .set({ emailConfirmedAt: at })
    .where(eq(persons.id, rows.notInHr.personId as string));
});
afterAll(() => t?.close());

describe("ordering a sheet", () => {
  it("refuses a sheet that is not submitted, and another trust's sheet as not found", async () => {
    const res = await order([rows.ready.id], { dryRun: true });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe("orders.sheet_not_submitted");
    const fonna = await order([rows.ready.id], { dryRun: true }, cookie.fonnaAdmin);
    expect(fonna.statusCode).toBe(403);
    const other = await post("/api/orders?dryRun=true", {
      sheetId: world.overviews.fonna.sheet.id,
      rowIds: [rows.ready.id],
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe("orders.sheet_not_found");
  });

  it("checks every row in a dry run: ready, warned about, refused (not in HR, errors), and saves nothing", async () => {
    const submitted = await post(`/api/sheets/${sheetId}/submit`, undefined, cookie.coordinatorUib);
    expect(submitted.statusCode, submitted.body).toBe(200);
    // A row added after submission with an e-mail that is not one: an error to fix first.
    rows.errors = await addRow({ lastName: "Feilsen", firstName: "Frode", email: "ikke-en-adresse" });
    const all = [rows.ready.id, rows.unconfirmed.id, rows.notInHr.id, rows.errors.id];
    const res = await order(all, { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CreateOrderResponse;
    expect(body.dryRun).toBe(true);
    expect(body.order).toBeNull();
    expect(body.counts).toEqual({ ready: 1, warning: 1, refused: 2, change: 0 });
    const checks = byRow(body);
    expect(checks.get(rows.ready.id)).toMatchObject({
      outcome: "ready",
      reasons: [],
      startDate: "2027-03-01",
      endDate: "2027-04-09",
      systems: [{ systemId: world.clinical.dips.id, systemName: "DIPS Arena", role: "Student lege" }],
    });
    expect(checks.get(rows.unconfirmed.id)).toMatchObject({
      outcome: "warning",
      reasons: [{ code: "email_unconfirmed" }],
    });
    expect(checks.get(rows.notInHr.id)?.outcome).toBe("refused");
    expect(checks.get(rows.notInHr.id)?.reasons.map((r) => r.code)).toEqual(["not_in_hr"]);
    expect(checks.get(rows.errors.id)?.outcome).toBe("refused");
    expect(checks.get(rows.errors.id)?.reasons.map((r) => r.code)).toContain("row_errors");
    expect(body.lineCount).toBe(2);
    expect(await t.database.db.select().from(orderLines)).toEqual([]);
  });

  it("warns about a start sooner than the trust's lead time, with the days until it", async () => {
    const db = t.database.db;
    await db.update(trusts).set({ orderLeadDays: 90 }).where(eq(trusts.id, world.trusts.bergen.id));
    const res = await order([rows.ready.id], { dryRun: true });
    await db.update(trusts).set({ orderLeadDays: 14 }).where(eq(trusts.id, world.trusts.bergen.id));
    // The test clock's today is 2026-11-28: 93 days before 2027-03-01.
    expect(res.json().rows[0]).toMatchObject({ outcome: "ready" });
    await db.update(trusts).set({ orderLeadDays: 94 }).where(eq(trusts.id, world.trusts.bergen.id));
    const late = await order([rows.ready.id], { dryRun: true });
    await db.update(trusts).set({ orderLeadDays: 14 }).where(eq(trusts.id, world.trusts.bergen.id));
    expect(late.json().rows[0]).toMatchObject({ outcome: "warning", reasons: [{ code: "lead_time", days: 93 }] });
  });

  it("refuses to order refused rows (the report in the details) and warned rows without acceptance; nothing saved", async () => {
    const refused = await order([rows.ready.id, rows.notInHr.id]);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe("orders.rows_refused");
    expect(refused.json().details.count).toBe(1);
    expect(refused.json().details.rows).toHaveLength(2);
    const warned = await order([rows.ready.id, rows.unconfirmed.id]);
    expect(warned.statusCode, warned.body).toBe(409);
    expect(warned.json().code).toBe("orders.warnings_not_accepted");
    expect(await t.database.db.select().from(orderLines)).toEqual([]);
  });

  it("refuses rows that are not the sheet's with the field", async () => {
    const res = await order([rows.ready.id, world.overviews.hvl.row.id]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe("orders.unknown_rows");
    expect(JSON.stringify(res.json().details.issues)).toContain("rowIds");
  });

  it("keeps coordinators, E-Helse and the IT provider from ordering", async () => {
    for (const who of [cookie.coordinatorUib, cookie.ehealth, cookie.itProvider, cookie.admin]) {
      const res = await order([rows.ready.id], {}, who);
      expect(res.statusCode).toBe(403);
    }
  });
});

let orderId: string;

describe("an order", () => {
  it("orders the ready and accepted rows: one draft line per row and system, audited", async () => {
    const res = await order([rows.ready.id, rows.unconfirmed.id], { acceptWarnings: true });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as CreateOrderResponse;
    expect(body.dryRun).toBe(false);
    const summary = body.order as OrderSummary;
    orderId = summary.id;
    expect(summary).toMatchObject({
      number: 1,
      state: "draft",
      reference: null,
      sheetId,
      sheetName: "Periode 1",
      rowCount: 2,
      lineCount: 2,
      lineStates: { draft: 2 },
      startsOn: "2027-03-01",
      institution: { id: world.institutions.uib.id, shortName: "UiB" },
      createdBy: { id: world.users.studentAdmin.id, name: "Marit Solberg" },
    });
    const lines = await t.database.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    expect(lines).toHaveLength(2);
    const unconfirmed = lines.find((l) => l.rowId === rows.unconfirmed.id);
    expect(unconfirmed).toMatchObject({
      state: "draft",
      systemId: world.clinical.dips.id,
      role: "Student lege",
      profileVersionId: world.clinical.doctorProfile.version.id,
      exceptionId: null,
      validFrom: "2027-03-01",
      validTo: "2027-04-09",
      acceptedWarnings: ["email_unconfirmed"],
    });
    const audit = await auditRows(t, orderId);
    expect(audit.map((a) => [a.entity, a.action])).toEqual([["order", "create"]]);
  });

  it("refuses to order the same rows twice (already ordered)", async () => {
    const res = await order([rows.ready.id], { dryRun: true });
    expect(res.json().rows[0]).toMatchObject({ outcome: "refused", reasons: [{ code: "already_ordered" }] });
    const again = await order([rows.ready.id]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("orders.rows_refused");
  });

  it("is listed and read with its lines (usernames: the typed one unverified) by FOU and admins, not others", async () => {
    const list = await t.call("GET", "/api/orders?state=draft&q=periode", { cookie: cookie.admin });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].id).toBe(orderId);
    const none = await t.call("GET", "/api/orders?state=ordered", { cookie: cookie.studentAdmin });
    expect(none.json().total).toBe(0);
    const res = await t.call("GET", `/api/orders/${orderId}`, { cookie: cookie.studentAdmin });
    expect(res.statusCode, res.body).toBe(200);
    const got = res.json() as Order;
    expect(got.lines.map((l) => [l.lastName, l.system.name, l.state, l.username, l.usernameVerified])).toEqual([
      ["Klar", "DIPS Arena", "draft", null, false],
      ["Ubekreftet", "DIPS Arena", "draft", "ulfu01", false],
    ]);
    for (const who of [cookie.coordinatorUib, cookie.ehealth, cookie.itProvider]) {
      expect((await t.call("GET", `/api/orders/${orderId}`, { cookie: who })).statusCode).toBe(403);
      expect((await t.call("GET", "/api/orders", { cookie: who })).statusCode).toBe(403);
    }
    const fonna = await t.call("GET", `/api/orders/${orderId}`, { cookie: cookie.fonnaAdmin });
    expect(fonna.statusCode).toBe(404);
    const fonnaList = await t.call("GET", "/api/orders", { cookie: cookie.fonnaAdmin });
    expect(fonnaList.json().total).toBe(0);
  });

  it("exports the portal file as csv in the trust's columns, with the national ID, audited", async () => {
    await t.database.db
      .update(trusts)
      .set({ portalColumns: ["nationalId", "lastName", "system", "role", "validFrom", "validTo", "username"] })
      .where(eq(trusts.id, world.trusts.bergen.id));
    const res = await t.call("GET", `/api/orders/${orderId}/export?format=csv`, { cookie: cookie.studentAdmin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.startsWith("\uFEFF")).toBe(true);
    expect(res.body.slice(1).trim().split("\r\n")).toEqual([
      "Fødselsnummer;Etternavn;System;Rolle;Gyldig fra;Gyldig til;Brukernavn",
      `${ids.ready};Klar;DIPS Arena;Student lege;01.03.2027;09.04.2027;`,
      `${ids.unconfirmed};Ubekreftet;DIPS Arena;Student lege;01.03.2027;09.04.2027;ulfu01`,
    ]);
    const audit = await auditRows(t, orderId);
    expect(audit.find((a) => a.action === "export")?.fields).toContain("national_id");
    for (const who of [cookie.coordinatorUib, cookie.ehealth, cookie.itProvider]) {
      const refused = await t.call("GET", `/api/orders/${orderId}/export?format=csv`, { cookie: who });
      expect(refused.statusCode).toBe(403);
    }
  });

  it("exports the portal file as xlsx with every default column, the national ID as text", async () => {
    await t.database.db.update(trusts).set({ portalColumns: null }).where(eq(trusts.id, world.trusts.bergen.id));
    const res = await t.call("GET", `/api/orders/${orderId}/export?format=xlsx`, { cookie: cookie.studentAdmin });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "Praksistilgang-ID",
      "Endringstype",
      "Etternavn",
      "Fornavn",
      "Fødselsnummer",
      "Fødselsdato",
      "E-post",
      "Mobil",
      "Brukernavn",
      "Utdanningsinstitusjon",
      "Studieprogram",
      "Praksissted",
      "System",
      "Rolle",
      "Gyldig fra",
      "Gyldig til",
      "Begrensninger",
      "Endring",
    ]);
    expect(ws.rowCount).toBe(3);
    const first = (ws.getRow(2).values as unknown[]).slice(1);
    expect(first[1]).toBe("Ny");
    expect(first[2]).toBe("Klar");
    expect(first[4]).toBe(ids.ready);
    expect(first[9]).toBe(world.institutions.uib.name);
    expect(first[10]).toBe("Medisin");
  });

  it("refuses another order's reference, and coordinators, E-Helse and the IT provider marking or cancelling", async () => {
    for (const who of [cookie.coordinatorUib, cookie.ehealth, cookie.itProvider]) {
      expect((await post(`/api/orders/${orderId}/mark-ordered`, { reference: "X" }, who)).statusCode).toBe(403);
      expect((await post(`/api/orders/${orderId}/cancel`, undefined, who)).statusCode).toBe(403);
    }
    const fonna = await post(`/api/orders/${orderId}/cancel`, undefined, cookie.fonnaAdmin);
    expect(fonna.statusCode).toBe(403);
  });

  it("marks it ordered: the lines move, the Bestilt cells turn ordered, the coordinator is told; twice is 409", async () => {
    const res = await post(`/api/orders/${orderId}/mark-ordered`, { reference: "SP-2026-0042" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "ordered", reference: "SP-2026-0042", lineStates: { ordered: 2 } });
    const sheetRows = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinatorUib });
    const states = new Map((sheetRows.json().rows as Row[]).map((r) => [r.id, r.orderState]));
    expect(states.get(rows.ready.id)).toBe("ordered");
    expect(states.get(rows.unconfirmed.id)).toBe("ordered");
    expect(states.get(rows.notInHr.id)).toBe("not_ordered");
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.users.coordinatorUib.id), eq(notifications.kind, "order.ordered")));
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe(`/oversikter/${world.overviews.uib.overview.id}?ark=${sheetId}`);
    expect(told[0]?.text).toContain("2 studenter");
    const twice = await post(`/api/orders/${orderId}/mark-ordered`, { reference: "SP-2026-0043" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: "orders.not_draft", details: { state: "ordered" } });
    const cancel = await post(`/api/orders/${orderId}/cancel`);
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().details.state).toBe("ordered");
    const audit = await auditRows(t, orderId);
    expect(audit.map((a) => a.action)).toContain("mark_ordered");
  });
});

describe("cancelling and references", () => {
  let second: string;
  let third: string;
  let rowIds: string[];

  beforeAll(async () => {
    const db = t.database.db;
    const b = seedBuilders(db);
    const at = new Date("2026-11-20T10:00:00Z");
    rowIds = [];
    for (const name of ["Andre", "Tredje"]) {
      const person = await b.student({
        trustId: world.trusts.bergen.id,
        lastName: name,
        hrTransferredAt: at,
        emailConfirmedAt: at,
      });
      const [row] = await db
        .insert(placementRows)
        .values({ sheetId, position: 50 + rowIds.length, lastName: name, firstName: "Test", personId: person.id })
        .returning();
      rowIds.push(row?.id as string);
    }
  });

  it("cancels a draft: its lines are cancelled, nothing deleted, and the row may be ordered again", async () => {
    const res = await order([rowIds[0] as string]);
    expect(res.statusCode, res.body).toBe(201);
    second = res.json().order.id;
    expect(res.json().order.number).toBe(2);
    const cancelled = await post(`/api/orders/${second}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: "cancelled", lineStates: { cancelled: 1 } });
    expect(cancelled.json().cancelledAt).not.toBeNull();
    const again = await post(`/api/orders/${second}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().details.state).toBe("cancelled");
    const mark = await post(`/api/orders/${second}/mark-ordered`, { reference: "SP-X" });
    expect(mark.statusCode).toBe(409);
    const reorder = await order([rowIds[0] as string, rowIds[1] as string]);
    expect(reorder.statusCode, reorder.body).toBe(201);
    third = reorder.json().order.id;
    const audit = await auditRows(t, second);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "cancel"]));
  });

  it("refuses a reference another order of the trust has (case ignored), with the field", async () => {
    const res = await post(`/api/orders/${third}/mark-ordered`, { reference: "sp-2026-0042" });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe("orders.reference_taken");
    expect(JSON.stringify(res.json().details.issues)).toContain("reference");
    const state = await t.call("GET", `/api/orders/${third}`, { cookie: cookie.studentAdmin });
    expect(state.json().state).toBe("draft");
  });

  it("moves the order lines when two persons are merged", async () => {
    const lines = await t.database.db.select().from(orderLines).where(eq(orderLines.orderId, third));
    const from = lines[0]?.personId as string;
    const keep = await seedBuilders(t.database.db).student({ trustId: world.trusts.bergen.id, lastName: "Beholdt" });
    const res = await post(`/api/persons/${keep.id}/merge`, { otherId: from });
    expect(res.statusCode, res.body).toBe(200);
    const moved = await t.database.db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.id, lines.map((l) => l.id) as string[]));
    expect(moved.find((l) => l.id === lines[0]?.id)?.personId).toBe(keep.id);
  });
});

/** Counts the statements the app sends to the database (PGlite or the pool) while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const target = (t.database.pglite ?? t.database.pool) as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  let count = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    target.query = original;
  }
  return count;
}

describe("the cost of an order", () => {
  /** A submitted sheet of UiB Medisin with `n` rows whose persons are transferred and confirmed. */
  async function sheetOf(n: number) {
    const db = t.database.db;
    const b = seedBuilders(db);
    const { sheet } = await b.overview({
      trustId: world.trusts.bergen.id,
      institutionId: world.institutions.uib.id,
      programmeId: world.catalog.uibMedicine.id,
      cohort: 2000 + n,
    });
    await db.delete(placementRows).where(eq(placementRows.sheetId, sheet.id));
    await db.update(sheets).set({ submittedAt: new Date() }).where(eq(sheets.id, sheet.id));
    const at = new Date("2026-11-20T10:00:00Z");
    const people = await db
      .insert(persons)
      .values(
        Array.from({ length: n }, (_, i) => ({
          trustId: world.trusts.bergen.id,
          firstName: "Mange",
          lastName: `Student ${n}-${i}`,
          hrTransferredAt: at,
          emailConfirmedAt: at,
        })),
      )
      .returning({ id: persons.id });
    const inserted = await db
      .insert(placementRows)
      .values(people.map((p, i) => ({ sheetId: sheet.id, position: i + 1, lastName: "Mange", personId: p.id })))
      .returning({ id: placementRows.id });
    return { sheetId: sheet.id, rowIds: inserted.map((r) => r.id) };
  }

  it("takes as many statements for 200 rows as for 20, dry run and order alike", async () => {
    const small = await sheetOf(20);
    const large = await sheetOf(200);
    const run = (s: { sheetId: string; rowIds: string[] }, dryRun: boolean) =>
      countQueries(async () => {
        const res = await post(`/api/orders${dryRun ? "?dryRun=true" : ""}`, s);
        expect(res.statusCode, res.body).toBe(dryRun ? 200 : 201);
        expect(res.json().counts.ready).toBe(s.rowIds.length);
      });
    expect(await run(large, true)).toBe(await run(small, true));
    expect(await run(large, false)).toBe(await run(small, false));
  });
});
