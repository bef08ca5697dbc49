import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../src/contracts/overviews.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { registrationBuilders } from "../helpers/registration-builders.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * The HR transfer (SPEC §3.1): FOU exports the ready persons' file in the trust's column order
 * (audited: it holds national IDs) and marks the export transferred, which turns every row of
 * those persons green, in every sheet; coordinators are told. Only the caller's trust.
 */
let t: TestApp;
let world: World;
let build: ReturnType<typeof registrationBuilders>;
const callers = ["studentAdmin", "coordinatorUib", "fonnaAdmin"] as const;
const cookie = {} as Record<(typeof callers)[number], string>;
const key = randomBytes(32).toString("base64");
const nationalId = testNationalId({ year: 2003, month: 2, day: 9, individual: 433 });
let person: string;
let secondSheet: string;
const rowIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_ENCRYPTION_KEY: key } });
  world = await seedWorld(t.database.db);
  build = registrationBuilders(t.database.db, createDataCrypto(Buffer.from(key, "base64")));
  for (const c of callers) cookie[c] = await t.login(world.users[c].email);
  const sheet = await t.call("POST", `/api/overviews/${world.overviews.uib.overview.id}/sheets`, {
    cookie: cookie.coordinatorUib,
    body: { kind: "norwegian", label: "Periode", number: 8, startDate: "2099-08-16", endDate: "2099-09-24" },
  });
  expect(sheet.statusCode, sheet.body).toBe(201);
  secondSheet = sheet.json().id ?? sheet.json().sheet.id;
  for (const sheetId of [world.overviews.uib.sheet.id, secondSheet]) {
    const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, {
      cookie: cookie.coordinatorUib,
      body: { lastName: "Overført", firstName: "Hanne", nationalId, email: "hanne@student.uib.no" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json().rows[0] as Row;
    rowIds.push(row.id);
    person = row.personId as string;
  }
  const campaign = await build.campaign({ trustId: world.trusts.bergen.id, institutionId: world.institutions.uib.id });
  const reg = await build.registration(campaign, {
    firstName: "Hanne",
    lastName: "Overført",
    email: "hanne@student.uib.no",
    mobile: "+4791234567",
  });
  const matched = await post(`/api/registrations/${reg.id}/match`, { personId: person });
  expect(matched.statusCode, matched.body).toBe(200);
  await t.database.db
    .update(trusts)
    .set({ hrTransferColumns: ["nationalId", "lastName", "firstName", "email", "mobile", "institution"] })
    .where(eq(trusts.id, world.trusts.bergen.id));
});
afterAll(() => t?.close());

const post = (path: string, body?: unknown, who = cookie.studentAdmin) => t.call("POST", path, { cookie: who, body });
const states = async (sheetId: string) => {
  const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinatorUib });
  return (res.json().rows as Row[]).filter((r) => rowIds.includes(r.id)).map((r) => r.registrationState);
};

describe("the HR transfer", () => {
  it("lists the registered person as ready", async () => {
    const res = await t.call("GET", "/api/hr-transfer/ready?q=hanne", { cookie: cookie.studentAdmin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((p: { personId: string }) => p.personId)).toEqual([person]);
    const fonna = await t.call("GET", "/api/hr-transfer/ready?q=hanne", { cookie: cookie.fonnaAdmin });
    expect(fonna.json().total).toBe(0);
  });

  it("refuses another trust's person with the field, and gives no file", async () => {
    const res = await post("/api/hr-transfer/export", { personIds: [person], format: "csv" }, cookie.fonnaAdmin);
    expect(res.statusCode).toBe(400);
    expect(res.headers["x-export-id"]).toBeUndefined();
    expect(JSON.stringify(res.json().details.issues)).toContain("personIds");
    const notReady = await post("/api/hr-transfer/export", { personIds: [world.students.bergen.id], format: "csv" });
    expect(notReady.statusCode).toBe(400);
  });

  it("exports the csv in the trust's column order with the national ID, audited", async () => {
    const res = await post("/api/hr-transfer/export", { personIds: [person], format: "csv" });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "Fødselsnummer;Etternavn;Fornavn;E-post;Mobil;Utdanningsinstitusjon",
      `${nationalId};Overført;Hanne;hanne@student.uib.no;+4791234567;${world.institutions.uib.name}`,
    ]);
    const audit = await auditRows(t, res.headers["x-export-id"] as string);
    expect(audit.map((a) => [a.entity, a.action])).toEqual([["hr_transfer_export", "export"]]);
  });

  it("exports the xlsx, marks it transferred (both sheets turn green), tells the coordinator, and marks twice as 0", async () => {
    const res = await post("/api/hr-transfer/export", { personIds: [person], format: "xlsx" });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      "Fødselsnummer",
      "Etternavn",
      "Fornavn",
      "E-post",
      "Mobil",
      "Utdanningsinstitusjon",
    ]);
    expect(ws?.getRow(2).getCell(1).value).toBe(nationalId);
    const exportId = res.headers["x-export-id"] as string;

    expect(await states(world.overviews.uib.sheet.id)).toEqual(["registered"]);
    const marked = await post("/api/hr-transfer/mark", { exportId });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1 });
    expect(await states(world.overviews.uib.sheet.id)).toEqual(["transferred"]);
    expect(await states(secondSheet)).toEqual(["transferred"]);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorUib.id));
    expect(told.some((n) => n.kind === "registration.hr_transferred")).toBe(true);

    const again = await post("/api/hr-transfer/mark", { exportId });
    expect(again.json()).toEqual({ marked: 0 });
    const fonna = await post("/api/hr-transfer/mark", { exportId }, cookie.fonnaAdmin);
    expect(fonna.statusCode).toBe(404);
    const list = await t.call("GET", "/api/hr-transfer/exports", { cookie: cookie.studentAdmin });
    expect(list.json().items[0]).toMatchObject({ id: exportId, format: "xlsx", persons: 1 });
    expect(list.json().items[0].markedAt).not.toBeNull();
    const ready = await t.call("GET", "/api/hr-transfer/ready?q=hanne", { cookie: cookie.studentAdmin });
    expect(ready.json().total).toBe(0);
  });
});
