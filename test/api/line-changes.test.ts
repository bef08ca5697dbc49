import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateOrderResponse, OrderLine } from "../../src/contracts/orders.ts";
import type { Row } from "../../src/contracts/overviews.ts";
import type { Notifier } from "../../src/server/modules/notifications/notifications.public.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { markLinesChanged } from "../../src/server/modules/orders/line-changes.ts";
import { orderLines } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import type { Actor } from "../../src/server/shared/actor.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedOrderLines } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Access follows the placement (SPEC §3.2 step 6): a change of an ordered row's dates, site or
 * programme makes its lines changed after order (only that row's, with from → to), FOU is told, the
 * row is listed as changed, and FOU orders the change: the change order's lines replace the changed
 * ones (superseded when it is sent, left changed when it is cancelled), a new programme's systems
 * are new and the ones it drops go on the deactivation list. The test clock's today is 28.11.2026.
 */
let t: TestApp;
let world: World;
const key = randomBytes(32).toString("base64");
const cookie = {} as Record<"fou" | "coordinator" | "provider", string>;
const rows = {} as Record<"dates" | "site" | "programme" | "untouched" | "draft", Row>;
let sheetId: string;
const systems = {} as Record<"hp" | "mv", { id: string }>;
let otherSite: { id: string; name: string };

const post = (path: string, body?: unknown, who = cookie.fou) => t.call("POST", path, { cookie: who, body });
const order = (rowIds: string[], dryRun = false) =>
  post(`/api/orders${dryRun ? "?dryRun=true" : ""}`, { sheetId, rowIds, acceptWarnings: true });
const linesOf = (rowId: string) =>
  t.database.db.select().from(orderLines).where(eq(orderLines.rowId, rowId)).orderBy(orderLines.createdAt);
async function patch(row: Row, body: Record<string, unknown>): Promise<Row> {
  const current = (await t.database.db.select().from(placementRows).where(eq(placementRows.id, row.id)))[0];
  const res = await t.call("PATCH", `/api/rows/${row.id}`, {
    cookie: cookie.coordinator,
    body: { version: current?.version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Row;
}
async function rowState(rowId: string) {
  const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.coordinator });
  return (res.json().rows as Row[]).find((r) => r.id === rowId)?.orderState;
}

beforeAll(async () => {
  t = await createTestApp({
    clock: createTestClock(),
    env: { DATA_ENCRYPTION_KEY: key, LOG_LEVEL: process.env.DEBUG_LOG ? "error" : "silent" },
  });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  cookie.fou = await t.login(world.users.studentAdmin.email);
  cookie.coordinator = await t.login(world.users.coordinatorUib.email);
  cookie.provider = await t.login(world.users.itProvider.email);
  const bergen = world.trusts.bergen.id;
  // Two more programmes at UiB with their own profiles: physiotherapy (DIPS and Helseplattformen)
  // and occupational therapy (DIPS and Metavision).
  systems.hp = await b.clinicalSystem({ trustId: bergen, name: "Helseplattformen", roles: ["Student"] });
  systems.mv = await b.clinicalSystem({ trustId: bergen, name: "Metavision", roles: ["Student"] });
  const physio = await b.profession({ trustId: bergen, name: "Fysioterapeut" });
  const ot = await b.profession({ trustId: bergen, name: "Ergoterapeut" });
  await b.programme({
    trustId: bergen,
    institutionId: world.institutions.uib.id,
    professionId: physio.id,
    name: "Fysioterapi",
  });
  await b.programme({
    trustId: bergen,
    institutionId: world.institutions.uib.id,
    professionId: ot.id,
    name: "Ergoterapi",
  });
  await b.accessProfile({
    trustId: bergen,
    professionId: physio.id,
    items: [
      { systemId: world.clinical.dips.id, role: "Student lege" },
      { systemId: systems.hp.id, role: "Student" },
    ],
  });
  await b.accessProfile({
    trustId: bergen,
    professionId: ot.id,
    items: [
      { systemId: world.clinical.dips.id, role: "Student sykepleie" },
      { systemId: systems.mv.id, role: "Student" },
    ],
  });
  otherSite = await b.placementSite({ trustId: bergen, name: "Kirurgisk post 5" });
  sheetId = world.overviews.uib.sheet.id;
  await db.delete(placementRows).where(eq(placementRows.sheetId, sheetId));
  const add = async (n: number, body: Record<string, unknown>) => {
    const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, {
      cookie: cookie.coordinator,
      body: {
        nationalId: testNationalId({ year: 2002, month: 3, day: n, individual: 400 + n }),
        email: `student${n}@uib.no`,
        mobile: "+4791234567",
        placementSiteId: world.catalog.bergenSite.id,
        startDate: "2027-03-01",
        endDate: "2027-04-09",
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().rows[0] as Row;
  };
  rows.dates = await add(1, { lastName: "Dato", firstName: "Dina" });
  rows.site = await add(2, { lastName: "Sted", firstName: "Sindre" });
  rows.programme = await add(3, { lastName: "Program", firstName: "Pia", studyProgramme: "Fysioterapi" });
  rows.untouched = await add(4, { lastName: "Uendret", firstName: "Ulla" });
  rows.draft = await add(5, { lastName: "Utkast", firstName: "Ulrik", studyProgramme: "Fysioterapi" });
  const at = new Date("2026-11-20T10:00:00Z");
  await db
    .update(persons)
    .set({ hrTransferredAt: at, emailConfirmedAt: at })
    .where(
      inArray(
        persons.id,
        Object.values(rows).map((r) => r.personId as string),
      ),
    );
  expect((await post(`/api/sheets/${sheetId}/submit`, undefined, cookie.coordinator)).statusCode).toBe(200);
  const first = await order([rows.dates.id, rows.site.id, rows.programme.id, rows.untouched.id]);
  expect(first.statusCode, first.body).toBe(201);
  const sent = await post(`/api/orders/${first.json().order.id}/mark-ordered`, { reference: "SP-1" });
  expect(sent.statusCode, sent.body).toBe(200);
  // The draft row is ordered but not yet sent.
  expect((await order([rows.draft.id])).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe("a change after the order", () => {
  it("re-queues only the changed row's line, with from → to; a second change updates the same line; FOU is told", async () => {
    await patch(rows.dates, { endDate: "2027-04-02" });
    const [line] = await linesOf(rows.dates.id);
    expect(line).toMatchObject({
      state: "changed",
      changes: [{ field: "endDate", from: "2027-04-09", to: "2027-04-02" }],
      changedBy: world.users.coordinatorUib.id,
      validTo: "2027-04-09",
    });
    expect((await linesOf(rows.untouched.id)).map((l) => l.state)).toEqual(["ordered"]);
    expect(await rowState(rows.dates.id)).toBe("changed");
    expect(await rowState(rows.untouched.id)).toBe("ordered");
    await patch(rows.dates, { endDate: "2027-03-26" });
    const again = await linesOf(rows.dates.id);
    expect(again).toHaveLength(1);
    expect(again[0]?.changes).toEqual([{ field: "endDate", from: "2027-04-09", to: "2027-03-26" }]);
    const audit = await auditRows(t, line?.id as string);
    expect(audit.filter((a) => a.action === "change")).toHaveLength(2);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.users.studentAdmin.id), eq(notifications.kind, "order.changed")));
    expect(told).toHaveLength(2);
    expect(told[0]?.link).toBe(`/bestillinger/ny?ark=${sheetId}`);
    expect(told[0]?.text).toContain("Endret etter bestilling: 1 student");
  });

  it("re-queues a site change with the sites' names", async () => {
    await patch(rows.site, { placementSiteId: otherSite.id });
    const [line] = await linesOf(rows.site.id);
    expect(line?.state).toBe("changed");
    expect(line?.changes).toEqual([
      { field: "placementSiteId", from: "Medisinsk avdeling, post 3", to: "Kirurgisk post 5" },
    ]);
  });

  it("lets a draft line take the new dates in place, and a programme change cancel it", async () => {
    await patch(rows.draft, { startDate: "2027-03-08" });
    expect((await linesOf(rows.draft.id)).map((l) => [l.state, l.validFrom])).toEqual([
      ["draft", "2027-03-08"],
      ["draft", "2027-03-08"],
    ]);
    await patch(rows.draft, { studyProgramme: "Ergoterapi" });
    expect((await linesOf(rows.draft.id)).map((l) => l.state)).toEqual(["cancelled", "cancelled"]);
  });

  it("lists the changed rows in readiness, and the start page counts exactly them", async () => {
    const list = await t.call("GET", "/api/readiness?orderState=changed", { cookie: cookie.fou });
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((i: { rowId: string }) => i.rowId)
        .sort(),
    ).toEqual([rows.dates.id, rows.site.id].sort());
    const start = await t.call("GET", "/api/dashboard", { cookie: cookie.fou });
    const item = start.json().items.find((i: { key: string }) => i.key === "accessChanged");
    expect(item).toEqual({ key: "accessChanged", count: list.json().total, link: "/klar?bestilt=changed" });
  });
});

describe("a change order", () => {
  let orderId: string;

  it("checks changed rows as changes, with from → to, and refuses rows already ordered", async () => {
    const res = await order([rows.dates.id, rows.site.id, rows.untouched.id], true);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CreateOrderResponse;
    expect(body.counts).toEqual({ ready: 0, warning: 0, refused: 1, change: 2 });
    const dates = body.rows.find((r) => r.rowId === rows.dates.id);
    expect(dates).toMatchObject({
      outcome: "change",
      endDate: "2027-03-26",
      changes: [{ field: "endDate", from: "2027-04-09", to: "2027-03-26" }],
      systems: [{ systemId: world.clinical.dips.id, changeType: "changed" }],
    });
    expect(body.rows.find((r) => r.rowId === rows.untouched.id)?.reasons).toEqual([{ code: "already_ordered" }]);
  });

  it("orders the change: lines of change type changed replacing the changed ones, with the new dates", async () => {
    const res = await order([rows.dates.id, rows.site.id]);
    expect(res.statusCode, res.body).toBe(201);
    orderId = res.json().order.id;
    const both = await linesOf(rows.dates.id);
    const old = both.find((l) => l.state === "changed");
    const next = both.find((l) => l.state === "draft");
    expect(next).toMatchObject({
      state: "draft",
      changeType: "changed",
      replacesLineId: old?.id,
      validFrom: "2027-03-01",
      validTo: "2027-03-26",
      changes: [{ field: "endDate", from: "2027-04-09", to: "2027-03-26" }],
    });
    // Ordering it twice is refused: the draft holds the row and system.
    const twice = await order([rows.dates.id], true);
    expect(twice.json().rows[0].reasons).toEqual([{ code: "already_ordered" }]);
  });

  it("writes the change type and the new dates into the portal file", async () => {
    const res = await t.call("GET", `/api/orders/${orderId}/export?format=csv`, { cookie: cookie.fou });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...lines] = res.body.slice(1).trim().split("\r\n");
    const cols = (header as string).split(";");
    const at = (line: string, name: string) => line.split(";")[cols.indexOf(name)];
    const dates = lines.find((l) => l.includes("Dato")) as string;
    expect(at(dates, "Endringstype")).toBe("Endret");
    expect(at(dates, "Gyldig til")).toBe("26.03.2027");
    expect(at(dates, "Endring")).toBe("Sluttdato 09.04.2027 → 26.03.2027");
  });

  it("leaves the lines changed when the change order is cancelled", async () => {
    expect((await post(`/api/orders/${orderId}/cancel`)).statusCode).toBe(200);
    expect((await linesOf(rows.dates.id)).map((l) => l.state).sort()).toEqual(["cancelled", "changed"]);
    expect(await rowState(rows.dates.id)).toBe("changed");
  });

  it("supersedes the changed lines when the change order is marked ordered; the IT provider sees the change", async () => {
    const res = await order([rows.dates.id, rows.site.id]);
    expect(res.statusCode, res.body).toBe(201);
    const sent = await post(`/api/orders/${res.json().order.id}/mark-ordered`, { reference: "SP-2" });
    expect(sent.statusCode, sent.body).toBe(200);
    const lines = await linesOf(rows.dates.id);
    expect(lines.map((l) => l.state).sort()).toEqual(["cancelled", "ordered", "superseded"]);
    const old = lines.find((l) => l.state === "superseded");
    expect(old?.supersededBy).toBe(world.users.studentAdmin.id);
    expect(lines.find((l) => l.state === "ordered")?.replacesLineId).toBe(old?.id);
    expect((await auditRows(t, old?.id as string)).map((a) => a.action)).toContain("supersede");
    expect(await rowState(rows.dates.id)).toBe("ordered");
    const queue = await t.call("GET", "/api/order-lines?changeType=changed", { cookie: cookie.provider });
    expect(queue.statusCode, queue.body).toBe(200);
    const items = queue.json().items as OrderLine[];
    expect(items.map((l) => l.rowId).sort()).toEqual([rows.dates.id, rows.site.id].sort());
    expect(items.find((l) => l.rowId === rows.dates.id)).toMatchObject({
      changeType: "changed",
      validTo: "2027-03-26",
      changes: [{ field: "endDate", from: "2027-04-09", to: "2027-03-26" }],
    });
    const implemented = await post(
      "/api/order-lines/implement",
      { lines: items.map((l) => ({ id: l.id, username: `bruker${l.rowId.slice(0, 4)}` })) },
      cookie.provider,
    );
    expect(implemented.statusCode, implemented.body).toBe(200);
    expect(await rowState(rows.dates.id)).toBe("implemented");
    const news = await t.call("GET", "/api/order-lines?changeType=new&state=all", { cookie: cookie.provider });
    expect((news.json().items as OrderLine[]).some((l) => l.rowId === rows.dates.id && l.state === "ordered")).toBe(
      false,
    );
  });

  it("orders a programme change: shared systems changed, the new one new, the dropped one to deactivate", async () => {
    await patch(rows.programme, { studyProgramme: "Ergoterapi" });
    expect((await linesOf(rows.programme.id)).map((l) => l.state)).toEqual(["changed", "changed"]);
    const check = await order([rows.programme.id], true);
    const row = (check.json() as CreateOrderResponse).rows[0];
    expect(row?.outcome).toBe("change");
    expect(row?.changes).toEqual([{ field: "studyProgramme", from: "Fysioterapi", to: "Ergoterapi" }]);
    expect(new Map(row?.systems.map((s) => [s.systemId, s.changeType]))).toEqual(
      new Map([
        [world.clinical.dips.id, "changed"],
        [systems.mv.id, "new"],
      ]),
    );
    const res = await order([rows.programme.id]);
    expect(res.statusCode, res.body).toBe(201);
    expect((await post(`/api/orders/${res.json().order.id}/mark-ordered`, { reference: "SP-3" })).statusCode).toBe(200);
    const after = new Map((await linesOf(rows.programme.id)).map((l) => [`${l.systemId}:${l.state}`, l]));
    expect(after.get(`${world.clinical.dips.id}:superseded`)).toBeTruthy();
    expect(after.get(`${world.clinical.dips.id}:ordered`)).toMatchObject({
      changeType: "changed",
      role: "Student sykepleie",
    });
    expect(after.get(`${systems.mv.id}:ordered`)).toMatchObject({ changeType: "new" });
    expect(after.get(`${systems.hp.id}:to_deactivate`)).toMatchObject({
      deactivationReason: "changed",
      deactivateFrom: "2026-11-28",
    });
  });
});

describe("a change undone before it is ordered", () => {
  it("puts the line back in its state and cancels the change order's draft", async () => {
    await patch(rows.untouched, { endDate: "2027-04-02" });
    expect((await linesOf(rows.untouched.id)).map((l) => l.state)).toEqual(["changed"]);
    const draft = await order([rows.untouched.id]);
    expect(draft.statusCode, draft.body).toBe(201);
    await patch(rows.untouched, { endDate: "2027-04-09" });
    const lines = await linesOf(rows.untouched.id);
    expect(lines.map((l) => l.state).sort()).toEqual(["cancelled", "ordered"]);
    expect(lines.find((l) => l.state === "ordered")).toMatchObject({ changes: null, changedBy: null });
    expect(await rowState(rows.untouched.id)).toBe("ordered");
  });
});

describe("the cost of a change", () => {
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

  /** `n` ordered rows of a new sheet whose end dates an import has just moved, and the change log's entries. */
  async function changedRows(n: number) {
    const db = t.database.db;
    const b = seedBuilders(db);
    const { overview, sheet } = await b.overview({
      trustId: world.trusts.bergen.id,
      institutionId: world.institutions.uib.id,
      programmeId: world.catalog.uibMedicine.id,
      cohort: 3000 + n,
    });
    await db.delete(placementRows).where(eq(placementRows.sheetId, sheet.id));
    const people = await db
      .insert(persons)
      .values(
        Array.from({ length: n }, (_, i) => ({
          trustId: world.trusts.bergen.id,
          firstName: "Mange",
          lastName: `E ${n}-${i}`,
        })),
      )
      .returning({ id: persons.id });
    const inserted = await db
      .insert(placementRows)
      .values(
        people.map((p, i) => ({
          sheetId: sheet.id,
          position: i + 1,
          lastName: "Mange",
          personId: p.id,
          startDate: "2027-03-01",
          endDate: "2027-04-02",
        })),
      )
      .returning({ id: placementRows.id, personId: placementRows.personId });
    await seedOrderLines(db, {
      trustId: world.trusts.bergen.id,
      institutionId: world.institutions.uib.id,
      overviewId: overview.id,
      sheetId: sheet.id,
      by: world.users.studentAdmin.id,
      lines: inserted.map((r) => ({
        rowId: r.id,
        personId: r.personId as string,
        systemId: world.clinical.dips.id,
        role: "Student lege",
        profileVersionId: world.clinical.doctorProfile.version.id,
        state: "ordered" as const,
      })),
    });
    return {
      overviewId: overview.id,
      entries: inserted.map((r) => ({
        sheetId: sheet.id,
        sheetName: "Periode 1",
        rowId: r.id,
        rowLabel: "Mange",
        personName: "Mange",
        kind: "cell_changed" as const,
        field: "endDate" as const,
        from: "2027-04-09",
        to: "2027-04-02",
      })),
    };
  }

  it("takes as many statements for 200 changed rows as for 20", async () => {
    const told: unknown[] = [];
    const notifier = { notify: async (_tx: unknown, input: unknown) => told.push(input) } as unknown as Notifier;
    const actor: Actor = {
      userId: world.users.coordinatorUib.id,
      isSystemAdmin: false,
      trustId: world.trusts.bergen.id,
      roles: ["coordinator"],
      institutionIds: [world.institutions.uib.id],
      requestId: null,
    };
    const run = async (n: number) => {
      const c = await changedRows(n);
      const count = await countQueries(() =>
        t.database.db.transaction((tx) =>
          markLinesChanged(
            tx,
            actor,
            { clock: createTestClock(), notifier },
            {
              trustId: world.trusts.bergen.id,
              institutionId: world.institutions.uib.id,
              overviewId: c.overviewId,
              entries: c.entries,
            },
          ),
        ),
      );
      const states = await t.database.db
        .select({ state: orderLines.state })
        .from(orderLines)
        .where(
          inArray(
            orderLines.rowId,
            c.entries.map((e) => e.rowId),
          ),
        );
      expect(states.filter((s) => s.state === "changed")).toHaveLength(n);
      return count;
    };
    expect(await run(200)).toBe(await run(20));
    expect(told).toHaveLength(2);
  });
});
