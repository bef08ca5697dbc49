import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeactivationItem } from "../../src/contracts/deactivations.ts";
import type { Row } from "../../src/contracts/overviews.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { createEndingPlacements } from "../../src/server/modules/orders/ending-placements.ts";
import { orderLines } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { testNationalId, withoutIds } from "../helpers/national-ids.ts";
import { type SeedLine, seedOrderLines } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The deactivation list (issue 14): a removed row, a withdrawn student and the end of a placement
 * (the day after, Europe/Oslo) put access on it, a continuing placement does not; the IT provider
 * marks it deactivated once, across the trusts it serves and no other; FOU reads it and uploads the
 * portal's confirmations; a withdrawn row is read-only.
 */
const clock = createTestClock(new Date("2027-03-10T08:00:00Z"));
let t: TestApp;
let world: World;
const cookies = {} as Record<
  "itProvider" | "studentAdmin" | "admin" | "coordinatorUib" | "coordinatorHvl" | "ehealth",
  string
>;
const rows = { removed: "", withdrawn: "", other: "", ended: "", carried: "", carrier: "", hvl: "" };
const lines: Record<"removed" | "removedDraft" | "withdrawn" | "ordered" | "ended" | "carried" | "carrier", string> = {
  removed: "",
  removedDraft: "",
  withdrawn: "",
  ordered: "",
  ended: "",
  carried: "",
  carrier: "",
};
const lines2 = { extended: "" };
const nationalId = testNationalId({ year: 1990, month: 1, day: 1 });
let fonnaProvider = "";

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  const { bergen, fonna } = world.trusts;
  const uib = world.overviews.uib;
  await db
    .update(sheets)
    .set({ submittedAt: new Date("2027-02-01T10:00:00Z"), submittedBy: world.users.coordinatorUib.id })
    .where(eq(sheets.id, uib.sheet.id));
  const pacs = await b.clinicalSystem({ trustId: bergen.id, name: "PACS", roles: ["Student"] });
  const row = async (sheetId: string, personId: string, values: Partial<typeof placementRows.$inferInsert> = {}) =>
    (
      await db
        .insert(placementRows)
        .values({
          sheetId,
          position: 5,
          lastName: "Rad",
          firstName: "Rad",
          personId,
          startDate: "2027-03-01",
          endDate: "2027-04-09",
          ...values,
        })
        .returning()
    )[0]?.id as string;
  const line = (rowId: string, personId: string, state: SeedLine["state"], extra: Partial<SeedLine> = {}) => ({
    rowId,
    personId,
    systemId: world.clinical.dips.id,
    role: "Student lege",
    profileVersionId: world.clinical.doctorProfile.version.id,
    state,
    ...extra,
  });
  const student = (firstName: string, lastName: string) => b.student({ trustId: bergen.id, firstName, lastName });
  const order = (sheetId: string, seeded: SeedLine[], institutionId = world.institutions.uib.id) =>
    seedOrderLines(db, {
      trustId: bergen.id,
      institutionId,
      overviewId: uib.overview.id,
      sheetId,
      by: world.users.studentAdmin.id,
      lines: seeded,
    });

  const rita = await student("Rita", "Fjernet");
  rows.removed = await row(uib.sheet.id, rita.id, { lastName: "Fjernet", firstName: "Rita" });
  const wenche = await student("Wenche", "Trukket");
  rows.withdrawn = await row(uib.sheet.id, wenche.id, { lastName: "Trukket", firstName: "Wenche" });
  const olav = await student("Olav", "Bestilt");
  rows.other = await row(uib.sheet.id, olav.id, { lastName: "Bestilt", firstName: "Olav" });
  const sent = await order(uib.sheet.id, [
    line(rows.removed, rita.id, "implemented"),
    line(rows.withdrawn, wenche.id, "implemented"),
    line(rows.other, olav.id, "ordered"),
  ]);
  [lines.removed, lines.withdrawn, lines.ordered] = sent.lines.map((l) => l.id) as [string, string, string];
  lines.removedDraft = (await order(uib.sheet.id, [line(rows.removed, rita.id, "draft", { systemId: pacs.id })]))
    .lines[0]?.id as string;

  // January's placements: Erik's ends on 31 January; Kari's is carried on by her February placement.
  const erik = await student("Erik", "Ferdig");
  rows.ended = await row(uib.sheet.id, erik.id, { startDate: "2027-01-04", endDate: "2027-01-31" });
  const kari = await student("Kari", "Fortsetter");
  rows.carried = await row(uib.sheet.id, kari.id, { startDate: "2027-01-04", endDate: "2027-01-31" });
  rows.carrier = await row(uib.sheet.id, kari.id, { startDate: "2027-02-01", endDate: "2027-03-31" });
  const january = await order(uib.sheet.id, [
    line(rows.ended, erik.id, "implemented", { validFrom: "2027-01-04", validTo: "2027-01-31" }),
    line(rows.carried, kari.id, "implemented", { validFrom: "2027-01-04", validTo: "2027-01-31" }),
    line(rows.carrier, kari.id, "implemented", { validFrom: "2027-02-01", validTo: "2027-03-31" }),
  ]);
  [lines.ended, lines.carried, lines.carrier] = january.lines.map((l) => l.id) as [string, string, string];

  const elin = await student("Elin", "Forlenget");
  const elinRow = await row(uib.sheet.id, elin.id);
  lines2.extended = (await order(uib.sheet.id, [line(elinRow, elin.id, "extended")])).lines[0]?.id as string;

  const hanna = await student("Hanna", "Hvl");
  rows.hvl = await row(world.overviews.hvl.sheet.id, hanna.id);

  const provider = await b.user({ email: "ikt@fonna-only.test", name: "Frida Fonnaikt" });
  await b.membership({ userId: provider.id, trustId: fonna.id, role: "it_provider" });
  fonnaProvider = await t.login(provider.email);
  for (const key of ["itProvider", "studentAdmin", "admin", "coordinatorUib", "coordinatorHvl", "ehealth"] as const)
    cookies[key] = await t.login(world.users[key].email);
});
afterAll(() => t.close());

const lineOf = async (id: string) => (await t.database.db.select().from(orderLines).where(eq(orderLines.id, id)))[0];
const rowOf = async (id: string) =>
  (await t.database.db.select().from(placementRows).where(eq(placementRows.id, id)))[0];
const list = async (cookie: string, query = "") => {
  const res = await t.call("GET", `/api/deactivations${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: DeactivationItem[]; total: number };
};
const withdraw = (rowId: string, body: unknown, cookie = cookies.coordinatorUib) =>
  t.call("POST", `/api/rows/${rowId}/withdraw`, { cookie, body });

describe("a removed row", () => {
  it("puts its granted lines on the deactivation list from today (Oslo) and cancels its draft lines", async () => {
    const version = (await rowOf(rows.removed))?.version;
    const res = await t.call("DELETE", `/api/rows/${rows.removed}?version=${version}`, {
      cookie: cookies.studentAdmin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const granted = await lineOf(lines.removed);
    expect(granted).toMatchObject({
      state: "to_deactivate",
      deactivationReason: "removed",
      deactivateFrom: "2027-03-10",
      changeType: "new",
    });
    expect((await lineOf(lines.removedDraft))?.state).toBe("cancelled");
    const item = (await list(cookies.itProvider)).items.find((i) => i.lineId === lines.removed);
    expect(item).toMatchObject({ reason: "removed", deactivateFrom: "2027-03-10", lastName: "Fjernet", note: null });
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, lines.removed), eq(auditEvents.action, "schedule_deactivation")));
    expect(audits).toHaveLength(1);
  });
});

describe("POST /api/rows/{id}/withdraw", () => {
  it("refuses bad input and changes nothing", async () => {
    for (const [body, code] of [
      [{ date: "2027-03-15" }, "validation.failed"],
      [{ date: "2027-02-30", reason: "Sluttet" }, "validation.failed"],
      [{ date: "2027-02-20", reason: "Sluttet" }, "rows.withdraw_before_start"],
      [{ date: "2027-05-01", reason: "Sluttet" }, "rows.withdraw_after_end"],
    ] as const) {
      const res = await withdraw(rows.withdrawn, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect((await rowOf(rows.withdrawn))?.withdrawnOn).toBeNull();
    expect((await lineOf(lines.withdrawn))?.state).toBe("implemented");
    // Another institution's coordinator does not find the row; a sheet not submitted is not withdrawn from.
    expect(
      (await withdraw(rows.withdrawn, { date: "2027-03-15", reason: "x" }, cookies.coordinatorHvl)).statusCode,
    ).toBe(404);
    const hvl = await withdraw(rows.hvl, { date: "2027-03-15", reason: "x" }, cookies.studentAdmin);
    expect(hvl.statusCode).toBe(409);
    expect(hvl.json().code).toBe("rows.withdraw_not_submitted");
    expect((await withdraw(rows.withdrawn, { date: "2027-03-15", reason: "x" }, cookies.itProvider)).statusCode).toBe(
      403,
    );
  });

  it("marks the row withdrawn, masks national IDs in the reason and puts its access on the list from the date", async () => {
    const res = await withdraw(rows.withdrawn, { date: "2027-03-15", reason: `Sluttet på studiet (${nationalId})` });
    expect(res.statusCode, res.body).toBe(200);
    const { row, notices } = res.json() as { row: Row; notices: { code: string }[] };
    expect(row.withdrawn).toMatchObject({ on: "2027-03-15", by: { id: world.users.coordinatorUib.id } });
    expect(row.withdrawn?.reason).not.toContain(nationalId);
    expect(notices.map((n) => n.code)).toEqual(["free_text.national_id_masked"]);
    expect(row.orderState).toBe("to_deactivate");
    expect(await lineOf(lines.withdrawn)).toMatchObject({
      state: "to_deactivate",
      deactivationReason: "withdrawn",
      deactivateFrom: "2027-03-15",
    });
    // FOU sees the withdrawal's note; the IT provider does not.
    const fou = (await list(cookies.studentAdmin, "?reason=withdrawn")).items;
    expect(fou.map((i) => i.lineId)).toEqual([lines.withdrawn]);
    expect(fou[0]?.note).toContain("Sluttet på studiet");
    expect((await list(cookies.itProvider, "?reason=withdrawn")).items[0]?.note).toBeNull();
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, rows.withdrawn), eq(auditEvents.action, "withdraw")));
    expect(audit).toHaveLength(1);
  });

  it("makes the row read-only: changing, removing, commenting and withdrawing again are 409 rows.withdrawn", async () => {
    const version = (await rowOf(rows.withdrawn))?.version as number;
    const answers = [
      await t.call("PATCH", `/api/rows/${rows.withdrawn}`, {
        cookie: cookies.coordinatorUib,
        body: { version, firstName: "Endret" },
      }),
      await t.call("DELETE", `/api/rows/${rows.withdrawn}?version=${version}`, { cookie: cookies.coordinatorUib }),
      await t.call("POST", `/api/rows/${rows.withdrawn}/comments`, {
        cookie: cookies.coordinatorUib,
        body: { body: "Hei" },
      }),
      await withdraw(rows.withdrawn, { date: "2027-03-16", reason: "Igjen" }, cookies.studentAdmin),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe("rows.withdrawn");
    }
    expect((await rowOf(rows.withdrawn))?.withdrawnOn).toBe("2027-03-15");
  });

  it("leaves the withdrawn student out of the readiness list", async () => {
    const res = await t.call("GET", `/api/readiness?sheetId=${world.overviews.uib.sheet.id}&limit=200`, {
      cookie: cookies.studentAdmin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as { rowId: string }[]).map((i) => i.rowId);
    expect(ids).toContain(rows.other);
    expect(ids).not.toContain(rows.withdrawn);
  });

  it("is never ordered again: the order's check refuses the withdrawn student", async () => {
    const res = await t.call("POST", "/api/orders?dryRun=true", {
      cookie: cookies.studentAdmin,
      body: { sheetId: world.overviews.uib.sheet.id, rowIds: [rows.withdrawn] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [check] = res.json().rows as { outcome: string; reasons: { code: string }[] }[];
    expect(check?.outcome).toBe("refused");
    expect(check?.reasons.map((r) => r.code)).toContain("withdrawn");
  });
});

describe("the end of a placement (orders-ending-placements)", () => {
  const job = () => createEndingPlacements({ db: t.database.db, clock });

  it("is not ended at 23:30 Oslo time on its last day", async () => {
    await job().runEndingPlacements(new Date("2027-01-31T22:30:00Z"));
    expect((await lineOf(lines.ended))?.state).toBe("implemented");
    expect((await lineOf(lines.carried))?.state).toBe("implemented");
  });

  it("is ended the day after, Oslo time; a continuing placement is superseded, not scheduled; nothing twice", async () => {
    const first = await job().runEndingPlacements(new Date("2027-01-31T23:30:00Z"));
    expect(first).toEqual({ continued: 1, scheduled: 1 });
    expect(await lineOf(lines.ended)).toMatchObject({
      state: "to_deactivate",
      deactivationReason: "ended",
      deactivateFrom: "2027-02-01",
    });
    expect((await lineOf(lines.carried))?.state).toBe("superseded");
    expect(await lineOf(lines.carrier)).toMatchObject({ state: "implemented", replacesLineId: lines.carried });
    expect((await rowOf(rows.ended))?.orderState).toBe("to_deactivate");
    const ids = (await list(cookies.itProvider, "?reason=ended")).items.map((i) => i.lineId);
    expect(ids).toEqual([lines.ended]);
    expect(await job().runEndingPlacements(new Date("2027-02-01T23:30:00Z"))).toEqual({ continued: 0, scheduled: 0 });
  });
});

describe("POST /api/deactivations/mark", () => {
  it("is the IT provider's: FOU 403, another trust's IT provider 404, a line not on the list 409", async () => {
    const body = { lineIds: [lines.removed] };
    expect((await t.call("POST", "/api/deactivations/mark", { cookie: cookies.studentAdmin, body })).statusCode).toBe(
      403,
    );
    expect((await t.call("POST", "/api/deactivations/mark", { cookie: fonnaProvider, body })).statusCode).toBe(404);
    expect((await list(fonnaProvider)).total).toBe(0);
    const notOnList = await t.call("POST", "/api/deactivations/mark", {
      cookie: cookies.itProvider,
      body: { lineIds: [lines.removed, lines.ordered] },
    });
    expect(notOnList.statusCode).toBe(409);
    expect(notOnList.json()).toMatchObject({ code: "order_lines.state_changed", details: { state: "ordered" } });
    expect((await lineOf(lines.removed))?.state).toBe("to_deactivate");
  });

  it("marks lines deactivated once; twice is 409 deactivations.already_deactivated", async () => {
    const body = { lineIds: [lines.removed, lines.withdrawn] };
    const res = await t.call("POST", "/api/deactivations/mark", { cookie: cookies.itProvider, body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect(await lineOf(lines.withdrawn)).toMatchObject({
      state: "deactivated",
      deactivatedBy: world.users.itProvider.id,
    });
    expect((await rowOf(rows.withdrawn))?.orderState).toBe("deactivated");
    const again = await t.call("POST", "/api/deactivations/mark", { cookie: cookies.itProvider, body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("deactivations.already_deactivated");
    const done = await list(cookies.studentAdmin, "?state=deactivated");
    expect(done.items.map((i) => i.lineId).sort()).toEqual([lines.removed, lines.withdrawn].sort());
    expect(done.items[0]?.deactivatedBy?.name).toBe("Thomas Vik");
  });
});

describe("the list", () => {
  it("is searched, downloaded with the change type and line IDs (audited, no national ID), and counted on the start page", async () => {
    expect((await list(cookies.itProvider, "?q=ferdig")).items.map((i) => i.lineId)).toEqual([lines.ended]);
    expect((await t.call("GET", "/api/deactivations", { cookie: cookies.coordinatorUib })).statusCode).toBe(403);
    const file = await t.call("GET", "/api/deactivations?format=csv", { cookie: cookies.itProvider });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("text/csv");
    expect(file.body).toContain("Deaktiver");
    expect(file.body).toContain(lines.ended);
    expect(file.body).toContain("Praksis avsluttet");
    expect(withoutIds(file.body)).not.toMatch(/\d{11}/);
    const xlsx = await t.call("GET", "/api/deactivations?format=xlsx", { cookie: cookies.studentAdmin });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const exported = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, lines.ended), eq(auditEvents.action, "export")));
    expect(exported.length).toBe(2);

    const dashboard = await t.call("GET", "/api/dashboard", { cookie: cookies.itProvider });
    const item = (dashboard.json() as { items: { key: string; count: number; link: string }[] }).items.find(
      (i) => i.key === "linesToDeactivate",
    );
    expect(item?.link).toBe("/deaktivering");
    expect(item?.count).toBe((await list(cookies.itProvider)).total);
    expect(item?.count).toBeGreaterThan(0);
  });
});

describe("the status report", () => {
  function upload(rowsOfFile: string[][]) {
    const file = Buffer.from(rowsOfFile.map((r) => r.map((c) => `"${c}"`).join(";")).join("\r\n"), "utf8");
    const boundary = "----deaktivering";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="status.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: "POST",
      url: "/api/orders/status-import",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: cookies.studentAdmin },
      payload,
    });
  }

  it("marks lines deactivated (deaktivert) and extensions done (forlenget) for FOU", async () => {
    const res = await upload([
      ["Praksistilgang-ID", "Status", "Brukernavn", "Begrunnelse"],
      [lines.ended, "Deaktivert", "", ""],
      [lines2.extended, "forlenget", "", ""],
      [lines.removed, "deaktivert", "", ""],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.saved).toBe(true);
    expect(report.changes.map((c: { to: string }) => c.to)).toEqual(["deactivated", "implemented"]);
    expect(report.problems).toMatchObject([{ code: "not_applicable", lineId: lines.removed, state: "deactivated" }]);
    expect(await lineOf(lines.ended)).toMatchObject({
      state: "deactivated",
      deactivatedBy: world.users.studentAdmin.id,
    });
    const extended = await lineOf(lines2.extended);
    expect(extended?.state).toBe("implemented");
    expect(extended?.extensionDoneAt).not.toBeNull();
    expect(extended?.implementedBy).toBeNull();
  });
});
