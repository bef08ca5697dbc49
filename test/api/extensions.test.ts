import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExtendRowsResponse, ExtensionItem } from "../../src/contracts/extensions.ts";
import type { Row } from "../../src/contracts/overviews.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { orderLines } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows, rowChanges, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { type OrderLineWorld, seedOrderLines, seedOrderLineWorld } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Extending placements (SPEC §3.2 step 6): FOU's bulk extension of rows from one or many sheets in
 * one request (rows and lines together, the coordinators told once per recipient, as many statements
 * for 500 rows as for 20), each refusal with nothing changed, an extension past the period that is
 * no error, and the IT provider's extension list with its marks.
 */
let t: TestApp;
let world: World;
let lineWorld: OrderLineWorld;
const cookie = {} as Record<"fou" | "coordinator" | "provider" | "regional" | "fonnaAdmin" | "fordeFou", string>;

const post = (path: string, body: unknown, who = cookie.fou) => t.call("POST", path, { cookie: who, body });
const extend = (rowIds: string[], endDate: string, opts: { dryRun?: boolean; who?: string } = {}) =>
  post(`/api/rows/extend${opts.dryRun ? "?dryRun=true" : ""}`, { rowIds, endDate }, opts.who);

/**
 * A submitted sheet of UiB Medisin (period 01.03.2027–09.04.2027) with `n` rows placed 01.03–09.04
 * and one implemented DIPS line each (lines in `state` when given).
 */
/** Each sheet's document is a cohort of its own (a random one could meet an earlier one). */
let nextCohort = 3000;

async function sheetOf(n: number, state: "implemented" | "ordered" = "implemented", submitted = true) {
  const db = t.database.db;
  const b = seedBuilders(db);
  const { overview, sheet } = await b.overview({
    trustId: world.trusts.bergen.id,
    institutionId: world.institutions.uib.id,
    programmeId: world.catalog.uibMedicine.id,
    cohort: nextCohort++,
  });
  await db.delete(placementRows).where(eq(placementRows.sheetId, sheet.id));
  if (submitted) await db.update(sheets).set({ submittedAt: new Date() }).where(eq(sheets.id, sheet.id));
  const people = await db
    .insert(persons)
    .values(
      Array.from({ length: n }, (_, i) => ({ trustId: world.trusts.bergen.id, firstName: "Lang", lastName: `P${i}` })),
    )
    .returning({ id: persons.id });
  const rows = await db
    .insert(placementRows)
    .values(
      people.map((p, i) => ({
        sheetId: sheet.id,
        position: i + 1,
        lastName: `P${i}`,
        firstName: "Lang",
        personId: p.id,
        startDate: "2027-03-01",
        endDate: "2027-04-09",
        placementSiteId: world.catalog.bergenSite.id,
      })),
    )
    .returning({ id: placementRows.id, personId: placementRows.personId });
  const seeded = submitted
    ? await seedOrderLines(db, {
        trustId: world.trusts.bergen.id,
        institutionId: world.institutions.uib.id,
        overviewId: overview.id,
        sheetId: sheet.id,
        by: world.users.studentAdmin.id,
        lines: rows.map((r) => ({
          rowId: r.id,
          personId: r.personId as string,
          systemId: world.clinical.dips.id,
          role: "Student lege",
          profileVersionId: world.clinical.doctorProfile.version.id,
          state,
        })),
      })
    : { lines: [] };
  return {
    overviewId: overview.id,
    sheetId: sheet.id,
    rowIds: rows.map((r) => r.id),
    lineIds: seeded.lines.map((l) => l.id),
  };
}

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

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock() });
  world = await seedWorld(t.database.db);
  lineWorld = await seedOrderLineWorld(t.database.db, world);
  cookie.fou = await t.login(world.users.studentAdmin.email);
  cookie.coordinator = await t.login(world.users.coordinatorUib.email);
  cookie.provider = await t.login(world.users.itProvider.email);
  cookie.regional = await t.login(lineWorld.regionalProvider.email);
  cookie.fonnaAdmin = await t.login(world.users.fonnaAdmin.email);
  cookie.fordeFou = await t.login(lineWorld.forde.fou.email);
});
afterAll(() => t?.close());

describe("a bulk extension", () => {
  it("extends 500 rows and their lines in one request, telling each coordinator once", async () => {
    const s = await sheetOf(500);
    const before = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorUib.id));
    const res = await extend(s.rowIds, "2027-05-15");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, rows: 500, lines: 500, refused: [] });
    const rows = await t.database.db.select().from(placementRows).where(eq(placementRows.sheetId, s.sheetId));
    expect(rows.every((r) => r.endDate === "2027-05-15" && r.endDateBeforeExtension === "2027-04-09")).toBe(true);
    expect(rows.every((r) => r.version === 2 && r.extendedBy === world.users.studentAdmin.id)).toBe(true);
    expect(new Set(rows.map((r) => r.orderState))).toEqual(new Set(["extended"]));
    const lines = await t.database.db.select().from(orderLines).where(inArray(orderLines.id, s.lineIds));
    expect(
      lines.every((l) => l.state === "extended" && l.extendedFrom === "2027-04-09" && l.validTo === "2027-05-15"),
    ).toBe(true);
    const changes = await t.database.db.select().from(rowChanges).where(eq(rowChanges.sheetId, s.sheetId));
    expect(changes).toHaveLength(500);
    expect(changes[0]).toMatchObject({
      kind: "row_extended",
      field: "endDate",
      fromValue: "2027-04-09",
      toValue: "2027-05-15",
    });
    const after = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorUib.id));
    expect(after.length - before.length).toBe(1);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "extend"), inArray(auditEvents.entityId, [...s.rowIds, ...s.lineIds])));
    expect(audits).toHaveLength(1000);
  });

  it("keeps the first end before an extension not yet marked done, and moves lines not yet carried out in place", async () => {
    const s = await sheetOf(2, "ordered");
    const first = await extend(s.rowIds, "2027-04-20");
    expect(first.statusCode, first.body).toBe(200);
    const ordered = await t.database.db.select().from(orderLines).where(inArray(orderLines.id, s.lineIds));
    expect(ordered.every((l) => l.state === "ordered" && l.validTo === "2027-04-20")).toBe(true);
    await t.database.db.update(orderLines).set({ state: "implemented" }).where(inArray(orderLines.id, s.lineIds));
    expect((await extend(s.rowIds, "2027-04-25")).statusCode).toBe(200);
    expect((await extend(s.rowIds, "2027-04-30")).statusCode).toBe(200);
    const lines = await t.database.db.select().from(orderLines).where(inArray(orderLines.id, s.lineIds));
    expect(
      lines.every((l) => l.state === "extended" && l.extendedFrom === "2027-04-20" && l.validTo === "2027-04-30"),
    ).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(placementRows)
      .where(eq(placementRows.id, s.rowIds[0] as string));
    expect(row?.endDateBeforeExtension).toBe("2027-04-09");
  });

  it("takes as many statements for 500 rows as for 20", async () => {
    const small = await sheetOf(20);
    const large = await sheetOf(500);
    const run = (s: { rowIds: string[] }) =>
      countQueries(async () => {
        const res = await extend(s.rowIds, "2027-05-01");
        expect(res.statusCode, res.body).toBe(200);
      });
    expect(await run(large)).toBe(await run(small));
  });

  it("extends rows of several sheets in one request", async () => {
    const a = await sheetOf(3);
    const b = await sheetOf(2);
    const res = await extend([...a.rowIds, ...b.rowIds], "2027-04-30");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toBe(5);
  });
});

describe("refusals", () => {
  async function unchanged(s: { rowIds: string[]; lineIds: string[] }) {
    const rows = await t.database.db.select().from(placementRows).where(inArray(placementRows.id, s.rowIds));
    expect(rows.every((r) => r.endDate === "2027-04-09" && r.version === 1 && r.endDateBeforeExtension === null)).toBe(
      true,
    );
    const lines = await t.database.db.select().from(orderLines).where(inArray(orderLines.id, s.lineIds));
    expect(lines.every((l) => l.state === "implemented" && l.validTo === "2027-04-09")).toBe(true);
  }

  it("refuses an end before the start, not later than the end, and too far past the period, naming each row", async () => {
    const s = await sheetOf(3);
    const before = await extend(s.rowIds, "2027-02-01");
    expect(before.statusCode).toBe(400);
    expect(before.json().code).toBe("extension.before_start");
    expect(before.json().details.issues[0].path).toBe("endDate");
    expect(before.json().details.refused).toHaveLength(3);
    const same = await extend(s.rowIds, "2027-04-09");
    expect(same.statusCode).toBe(400);
    expect(same.json().code).toBe("extension.not_later");
    // 09.04.2027 + 90 days = 08.07.2027.
    const late = await extend(s.rowIds, "2027-07-09");
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe("extension.too_late");
    expect(late.json().details.refused[0]).toMatchObject({ lastAllowed: "2027-07-08", lastAllowedText: "08.07.2027" });
    expect((await extend(s.rowIds, "2027-07-08", { dryRun: true })).json().refused).toEqual([]);
    await unchanged(s);
  });

  it("takes the last allowed day from the trust's setting, which an admin sets", async () => {
    const s = await sheetOf(2);
    const admin = await t.login(world.users.admin.email);
    const bad = await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { extensionMaxDays: 400 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("extensionMaxDays");
    const set = await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { extensionMaxDays: 10 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().extensionMaxDays).toBe(10);
    try {
      // 09.04.2027 + 10 days = 19.04.2027.
      const late = await extend(s.rowIds, "2027-04-20");
      expect(late.json()).toMatchObject({ code: "extension.too_late" });
      expect(late.json().details.refused[0]).toMatchObject({ lastAllowed: "2027-04-19" });
      await unchanged(s);
    } finally {
      await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { extensionMaxDays: 90 } });
    }
  });

  it("refuses an anonymised or withdrawn row with 409 and changes none of the others", async () => {
    const s = await sheetOf(3);
    const db = t.database.db;
    await db
      .update(placementRows)
      .set({ anonymisedAt: new Date() })
      .where(eq(placementRows.id, s.rowIds[0] as string));
    await db
      .update(placementRows)
      .set({ withdrawnOn: "2027-03-10" })
      .where(eq(placementRows.id, s.rowIds[1] as string));
    const res = await extend(s.rowIds, "2027-04-30");
    expect(res.statusCode).toBe(409);
    expect(["extension.anonymised", "extension.withdrawn"]).toContain(res.json().code);
    expect(res.json().details.refused.map((r: { rowId: string; code: string }) => [r.rowId, r.code])).toEqual(
      expect.arrayContaining([
        [s.rowIds[0], "anonymised"],
        [s.rowIds[1], "withdrawn"],
      ]),
    );
    const [third] = await db
      .select()
      .from(placementRows)
      .where(eq(placementRows.id, s.rowIds[2] as string));
    expect(third?.endDate).toBe("2027-04-09");
  });

  it("answers 404 for another trust's row and 403 for those who may not extend, changing nothing", async () => {
    const s = await sheetOf(2);
    const other = await extend([...s.rowIds, world.overviews.fonna.row.id], "2027-04-30");
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe("extension.not_found");
    expect((await extend(s.rowIds, "2027-04-30", { who: cookie.coordinator })).statusCode).toBe(403);
    expect((await extend(s.rowIds, "2027-04-30", { who: cookie.provider })).statusCode).toBe(403);
    await unchanged(s);
  });

  it("reports in a dry run which rows would be refused and why, and saves nothing", async () => {
    const s = await sheetOf(2);
    await t.database.db
      .update(placementRows)
      .set({ startDate: "2027-04-20" })
      .where(eq(placementRows.id, s.rowIds[0] as string));
    const res = await extend(s.rowIds, "2027-04-15", { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ExtendRowsResponse;
    expect(body).toMatchObject({ dryRun: true, rows: 1, lines: 0 });
    expect(body.refused).toEqual([
      expect.objectContaining({ rowId: s.rowIds[0], code: "before_start", name: "Lang P0" }),
    ]);
    const [row] = await t.database.db
      .select()
      .from(placementRows)
      .where(eq(placementRows.id, s.rowIds[1] as string));
    expect(row?.endDate).toBe("2027-04-09");
  });
});

describe("past the period", () => {
  it("shows an extended row's end past the period as extended, not as an error, and the sheet is submitted", async () => {
    const s = await sheetOf(1, "implemented", false);
    // A complete row of an international sheet (no national ID needed), its end within the period.
    await t.database.db.update(sheets).set({ kind: "international" }).where(eq(sheets.id, s.sheetId));
    await t.database.db
      .update(placementRows)
      .set({ email: "lang.p0@uib.no", mobile: "+4791234567", birthDate: "2001-02-03", nationality: "Sverige" })
      .where(eq(placementRows.id, s.rowIds[0] as string));
    const res = await extend(s.rowIds, "2027-05-20");
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await t.call("GET", `/api/sheets/${s.sheetId}/rows`, { cookie: cookie.coordinator });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const [row] = sheet.json().rows as Row[];
    expect(row?.extendedFrom).toBe("2027-04-09");
    expect(row?.endDate).toBe("2027-05-20");
    expect(row?.problems.filter((p) => p.code === "date.outside_period")).toEqual([]);
    const [stored] = await t.database.db
      .select()
      .from(placementRows)
      .where(eq(placementRows.id, s.rowIds[0] as string));
    expect(stored?.errorCount).toBe(0);
    const submitted = await t.call("POST", `/api/sheets/${s.sheetId}/submit`, { cookie: cookie.coordinator });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it("still flags a row never extended whose end is past the period", async () => {
    const s = await sheetOf(1, "implemented", false);
    await t.database.db
      .update(placementRows)
      .set({ endDate: "2027-05-20" })
      .where(eq(placementRows.id, s.rowIds[0] as string));
    const sheet = await t.call("GET", `/api/sheets/${s.sheetId}/rows`, { cookie: cookie.coordinator });
    const [row] = sheet.json().rows as Row[];
    expect(row?.extendedFrom).toBeNull();
    expect(row?.problems.map((p) => p.code)).toContain("date.outside_period");
  });
});

describe("the extension list", () => {
  let s: Awaited<ReturnType<typeof sheetOf>>;
  beforeAll(async () => {
    s = await sheetOf(3);
    expect((await extend(s.rowIds, "2027-04-30")).statusCode).toBe(200);
  });
  const list = (query: string, who: string) => t.call("GET", `/api/extensions${query}`, { cookie: who });

  it("lists the extended lines for the IT provider and FOU, paged, searched and filtered", async () => {
    const res = await list(`?q=P1&institutionId=${world.institutions.uib.id}&sort=name`, cookie.regional);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as ExtensionItem[];
    expect(items.some((i) => i.rowId === s.rowIds[1])).toBe(true);
    const item = items.find((i) => i.rowId === s.rowIds[1]) as ExtensionItem;
    expect(item).toMatchObject({
      extendedFrom: "2027-04-09",
      validTo: "2027-04-30",
      state: "extended",
      role: "Student lege",
    });
    expect(item.system.name).toBe("DIPS Arena");
    const fou = await list("?limit=2", cookie.fou);
    expect(fou.statusCode).toBe(200);
    expect(fou.json().items).toHaveLength(2);
    expect(fou.json().total).toBeGreaterThan(2);
    expect((await list("", cookie.coordinator)).statusCode).toBe(403);
    // Another trust's extensions are not listed; naming that trust gives an empty list.
    const forde = await list(`?trustId=${lineWorld.forde.trust.id}`, cookie.regional);
    expect(forde.json()).toEqual({ items: [], total: 0 });
  });

  it("downloads the list with the change type and a line ID, no national ID, and audits it", async () => {
    const res = await list(`?format=csv&q=P0`, cookie.regional);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body).toContain("Praksistilgang-ID;Endringstype");
    expect(res.body).toContain("Forlenget");
    expect(res.body).toContain("09.04.2027");
    expect(res.body).not.toContain("Fødselsnummer");
    const xlsx = await list(`?format=xlsx`, cookie.fou);
    expect(xlsx.statusCode).toBe(200);
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(audits.filter((a) => a.fields?.includes("extended_from"))).toHaveLength(2);
  });

  it("marks lines done once: twice is 409 with the state, another trust's 404, FOU 403", async () => {
    const ids = s.lineIds.slice(0, 2);
    expect((await post("/api/extensions/mark", { lineIds: ids }, cookie.fou)).statusCode).toBe(403);
    const res = await post("/api/extensions/mark", { lineIds: ids }, cookie.regional);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    const lines = await t.database.db.select().from(orderLines).where(inArray(orderLines.id, ids));
    expect(lines.every((l) => l.state === "implemented" && l.extensionDoneBy === lineWorld.regionalProvider.id)).toBe(
      true,
    );
    const again = await post("/api/extensions/mark", { lineIds: [...ids, s.lineIds[2] as string] }, cookie.regional);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("extensions.not_extended");
    expect(again.json().details.state).toBe("implemented");
    const [third] = await t.database.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.id, s.lineIds[2] as string));
    expect(third?.state).toBe("extended");
    await t.database.db.update(orderLines).set({ state: "extended" }).where(eq(orderLines.id, lineWorld.lines.forde));
    const forde = await post("/api/extensions/mark", { lineIds: [lineWorld.lines.forde] }, cookie.regional);
    expect(forde.statusCode).toBe(404);
    const done = await list(`?state=done&q=P0`, cookie.regional);
    expect((done.json().items as ExtensionItem[]).some((i) => i.lineId === ids[0])).toBe(true);
  });
});
