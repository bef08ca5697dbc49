import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadinessItem } from "../../src/contracts/orders.ts";
import { addDays } from "../../src/domain/dates.ts";
import { orderLines, orders, usernames } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { orderRows } from "../helpers/readiness-orders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The readiness list (one line per student on a sheet, each step with its date) and the start
 * page's numbers that link to it: scoped like the overviews, the steps from the rows' live order
 * lines, the red ones first, counts of the whole filter; each start-page number equals its list.
 * The use-case clock's today is 28.11.2026 in Oslo.
 */
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const today = "2026-11-28";
const encryptionKey = Buffer.alloc(32, 7).toString("base64");
const crypto = createDataCrypto(Buffer.from(encryptionKey, "base64"));
let t: TestApp;
let world: World;
let fou: string;
let coordinator: string;
const rows: Record<"ready" | "ordered" | "rejected" | "later" | "hvl" | "fonna", string> = {
  ready: "",
  ordered: "",
  rejected: "",
  later: "",
  hvl: "",
  fonna: "",
};
const readyId = testNationalId({ individual: 710 });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DATA_ENCRYPTION_KEY: encryptionKey } });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  coordinator = await t.login(world.users.coordinatorUib.email);
  const admin = await t.login(world.users.admin.email);
  const fonnaAdmin = await t.login(world.users.fonnaAdmin.email);
  const sheet = async (cookie: string, overviewId: string, number: number, start: string) => {
    const res = await t.call("POST", `/api/overviews/${overviewId}/sheets`, {
      cookie,
      body: { kind: "norwegian", label: "Periode", number, startDate: start, endDate: addDays(start, 30) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const row = async (cookie: string, sheetId: string, body: Record<string, unknown>) => {
    const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie, body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().rows[0].id as string;
  };
  const soon = addDays(today, 5);
  const uibSoon = await sheet(admin, world.overviews.uib.overview.id, 15, soon);
  const uibLater = await sheet(admin, world.overviews.uib.overview.id, 16, addDays(today, 60));
  const hvlSoon = await sheet(admin, world.overviews.hvl.overview.id, 15, addDays(today, 3));
  const fonnaSoon = await sheet(fonnaAdmin, world.overviews.fonna.overview.id, 15, soon);
  rows.ready = await row(admin, uibSoon, { lastName: "Aas", firstName: "Klara", nationalId: readyId });
  rows.ordered = await row(admin, uibSoon, {
    lastName: "Berg",
    firstName: "Ola",
    nationalId: testNationalId({ individual: 720 }),
    previousUsername: "olaberg1",
  });
  rows.rejected = await row(admin, uibSoon, {
    lastName: "Dahl",
    firstName: "Rita",
    nationalId: testNationalId({ individual: 730 }),
  });
  rows.later = await row(admin, uibLater, {
    lastName: "Eik",
    firstName: "Siv",
    nationalId: testNationalId({ individual: 740 }),
  });
  rows.hvl = await row(admin, hvlSoon, {
    lastName: "Fjell",
    firstName: "Per",
    nationalId: testNationalId({ individual: 750 }),
  });
  rows.fonna = await row(fonnaAdmin, fonnaSoon, {
    lastName: "Gran",
    firstName: "Liv",
    nationalId: testNationalId({ individual: 760 }),
  });

  const db = t.database.db;
  // Every UiB student of the near sheet is registered and transferred to HR.
  const uibPersons = (
    await db.select({ personId: placementRows.personId }).from(placementRows).where(eq(placementRows.sheetId, uibSoon))
  ).map((r) => r.personId as string);
  for (const personId of uibPersons) {
    await db
      .update(persons)
      .set({ registeredAt: new Date("2026-11-01T10:00:00Z"), hrTransferredAt: new Date("2026-11-05T10:00:00Z") })
      .where(eq(persons.id, personId));
  }
  const bergenLines = {
    trustId: world.trusts.bergen.id,
    systemId: world.clinical.dips.id,
    role: "Student lege",
    profileVersionId: world.clinical.doctorProfile.version.id,
    userId: world.users.studentAdmin.id,
  };
  await orderRows(db, {
    ...bergenLines,
    reference: "SP-2001",
    lines: [
      { rowId: rows.ready, state: "implemented", username: "klaaas", delivery: "provider" },
      { rowId: rows.ordered, state: "ordered" },
      {
        rowId: rows.rejected,
        state: "rejected",
        rejectReason: "Mangler taushetserklæring",
        fouMessage: "Studenten må signere taushetserklæringen",
      },
    ],
  });
  await db.insert(usernames).values({ nationalIdHash: crypto.hash(readyId), username: "klaaas" });
  // A draft order at HVL, waiting to be sent.
  await orderRows(db, { ...bergenLines, lines: [{ rowId: rows.hvl, state: "draft" }] });
});
afterAll(() => t.close());

/**
 * Counts the statements sent to the database while `run` runs, inside transactions too: PGlite's
 * `query` and its transactions' `query`, or every query of a node-postgres client (pool clients
 * included).
 */
async function countStatements(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const restore: (() => void)[] = [];
  const pglite = t.database.pglite as
    | { query: (...a: unknown[]) => unknown; transaction: (cb: (tx: unknown) => unknown) => unknown }
    | undefined;
  if (pglite) {
    const query = pglite.query;
    const transaction = pglite.transaction;
    pglite.query = function (this: unknown, ...args: unknown[]) {
      count++;
      return query.apply(this, args);
    };
    pglite.transaction = function (this: unknown, cb: (tx: unknown) => unknown) {
      return transaction.call(this, (tx: unknown) => {
        const txQuery = (tx as { query: (...a: unknown[]) => unknown }).query;
        (tx as { query: unknown }).query = (...args: unknown[]) => {
          count++;
          return txQuery.apply(tx, args);
        };
        return cb(tx);
      });
    };
    restore.push(() => {
      pglite.query = query;
      pglite.transaction = transaction;
    });
  } else {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    restore.push(() => {
      pg.Client.prototype.query = query;
    });
  }
  try {
    await run();
  } finally {
    for (const r of restore) r();
  }
  return count;
}

const list = async (cookie: string, query = "") => {
  const res = await t.call("GET", `/api/readiness?${query.includes("limit=") ? "" : "limit=200"}${query}`, {
    cookie,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: ReadinessItem[];
    total: number;
    counts: { students: number; ready: number; notReady: number };
  };
};
const itemOf = (items: ReadinessItem[], rowId: string) => items.find((i) => i.rowId === rowId) as ReadinessItem;

describe("GET /api/readiness", () => {
  it("gives FOU every student of the trust with each step's date, and the reference", async () => {
    const all = await list(fou);
    const ids = all.items.map((i) => i.rowId);
    expect(ids).toEqual(expect.arrayContaining([rows.ready, rows.ordered, rows.rejected, rows.later, rows.hvl]));
    expect(ids).not.toContain(rows.fonna);
    const ready = itemOf(all.items, rows.ready);
    expect(ready.steps).toEqual({
      registered: "2026-11-01T10:00:00.000Z",
      transferred: "2026-11-05T10:00:00.000Z",
      ordered: "2026-11-20T10:00:00.000Z",
      approved: "2026-11-21T10:00:00.000Z",
      implemented: "2026-11-22T10:00:00.000Z",
      // The IT provider sends the username: the day it implemented the access.
      usernameSent: "2026-11-22T10:00:00.000Z",
    });
    expect(ready).toMatchObject({
      ready: true,
      orderState: "implemented",
      daysToStart: 5,
      startDate: addDays(today, 5),
      username: "klaaas",
      usernameVerified: true,
      reference: "SP-2001",
      institution: { id: world.institutions.uib.id, shortName: "UiB" },
    });
    const ordered = itemOf(all.items, rows.ordered);
    expect(ordered.steps).toMatchObject({ ordered: "2026-11-20T10:00:00.000Z", approved: null, implemented: null });
    expect(ordered).toMatchObject({
      ready: false,
      orderState: "ordered",
      username: "olaberg1",
      usernameVerified: false,
    });
    const rejected = itemOf(all.items, rows.rejected);
    expect(rejected).toMatchObject({
      orderState: "rejected",
      ready: false,
      rejectMessage: "Mangler taushetserklæring — Studenten må signere taushetserklæringen",
    });
    expect(rejected.steps.implemented).toBeNull();
    const draft = itemOf(all.items, rows.hvl);
    expect(draft.steps).toMatchObject({ registered: null, ordered: null });
    expect(draft.reference).toBeNull();
  });

  it("gives a coordinator only their institution's students, without the reference or the IT provider's reason", async () => {
    const mine = await list(coordinator);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.institution.id === world.institutions.uib.id)).toBe(true);
    expect(mine.items.every((i) => i.reference === null)).toBe(true);
    expect(itemOf(mine.items, rows.rejected).rejectMessage).toBe("Studenten må signere taushetserklæringen");
    expect(JSON.stringify(mine)).not.toContain("taushetserklæring —");
    expect(JSON.stringify(mine)).not.toContain("SP-2001");
    // Another institution's id filters to nothing rather than confirming it exists.
    expect((await list(coordinator, `&institutionId=${world.institutions.hvl.id}`)).total).toBe(0);
  });

  it("keeps the students not ready within N days of their start, the soonest first", async () => {
    const red = await list(fou, "&notReadyDays=14");
    expect(red.items.map((i) => i.rowId)).toEqual([rows.hvl, rows.ordered, rows.rejected]);
    expect(red.items.map((i) => i.daysToStart)).toEqual([3, 5, 5]);
    expect(red.counts).toEqual({ students: 3, ready: 0, notReady: 3 });
    const wide = await list(fou, "&notReadyDays=90");
    expect(wide.items.map((i) => i.rowId)).toContain(rows.later);
  });

  it("counts the whole filter, not the page", async () => {
    const page = await list(fou, `&limit=1&from=${addDays(today, 5)}&to=${addDays(today, 5)}`);
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect(page.counts).toEqual({ students: 3, ready: 1, notReady: 2 });
    // A page past the end has no lines to carry the counts: they are read on their own.
    const past = await list(fou, `&limit=1&offset=10&from=${addDays(today, 5)}&to=${addDays(today, 5)}`);
    expect(past.items).toHaveLength(0);
    expect(past.counts).toEqual(page.counts);
    const bySheet = await list(fou, `&sheetId=${page.items[0]?.sheetId}`);
    expect(bySheet.counts.students).toBe(3);
    const byOverview = await list(coordinator, `&overviewId=${world.overviews.uib.overview.id}`);
    // The seed's row (no start of its own: the sheet's) and the four added.
    expect(byOverview.counts.students).toBe(5);
    expect((await list(fou, "&q=dahl")).items.map((i) => i.rowId)).toEqual([rows.rejected]);
    expect((await list(fou, "&orderState=rejected")).total).toBe(1);
  });

  it("sorts by name, sheet, institution and state both ways", async () => {
    for (const sort of ["start", "name", "sheet", "institution", "state"]) {
      for (const dir of ["asc", "desc"]) {
        const res = await list(fou, `&sort=${sort}&dir=${dir}`);
        expect(res.total, `${sort} ${dir}`).toBe(res.counts.students);
      }
    }
    const byName = await list(fou, "&sort=name&dir=desc");
    const names = byName.items.map((i) => i.lastName);
    expect(names).toEqual([...names].sort().reverse());
  });

  it("refuses a bad filter with its field and is closed to the IT provider and E-Helse", async () => {
    const bad = await t.call("GET", "/api/readiness?notReadyDays=-1&from=2026-02-30", { cookie: fou });
    expect(bad.statusCode).toBe(400);
    for (const email of [world.users.itProvider.email, world.users.ehealth.email]) {
      const res = await t.call("GET", "/api/readiness", { cookie: await t.login(email) });
      expect(res.statusCode, email).toBe(403);
    }
  });

  it("reads the list and the start page in as many statements for more students", async () => {
    const cookie = fou;
    const before = await countStatements(() => list(cookie, "&notReadyDays=14"));
    const start = await countStatements(() => t.call("GET", "/api/dashboard", { cookie }));
    const b = seedBuilders(t.database.db);
    for (let i = 0; i < 5; i++) {
      const { row } = await b.overview({
        trustId: world.trusts.bergen.id,
        institutionId: world.institutions.uib.id,
        programmeId: world.catalog.uibMedicine.id,
        cohort: 2010 + i,
      });
      const student = await b.student({ trustId: world.trusts.bergen.id });
      await t.database.db.update(placementRows).set({ personId: student.id }).where(eq(placementRows.id, row.id));
    }
    expect(await countStatements(() => list(cookie, "&notReadyDays=14"))).toBe(before);
    expect(await countStatements(() => t.call("GET", "/api/dashboard", { cookie }))).toBe(start);
  });
});

describe("the start page's order numbers", () => {
  const items = async (cookie: string) => {
    const res = await t.call("GET", "/api/dashboard", { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { key: string; count: number; link: string; trust?: string }[];
  };
  const one = (all: { key: string; count: number; link: string }[], key: string) =>
    all.find((i) => i.key === key) as { key: string; count: number; link: string };

  it("gives FOU the orders waiting, the rejected students and those not ready, each equal to its list", async () => {
    const mine = await items(fou);
    const notReady = one(mine, "studentsNotReady");
    expect(notReady.link).toBe("/klar?ikkeKlar=14");
    expect(notReady.count).toBe((await list(fou, "&notReadyDays=14")).total);
    const rejected = one(mine, "accessRejected");
    expect(rejected.link).toBe("/klar?bestilt=rejected");
    expect(rejected.count).toBe((await list(fou, "&orderState=rejected")).total);
    expect(rejected.count).toBe(1);
    const drafts = one(mine, "ordersDraft");
    expect(drafts.link).toBe("/bestillinger?status=draft");
    const [draftOrders] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(sql`${orders.trustId} = ${world.trusts.bergen.id} and ${orders.state} = 'draft'`);
    expect(drafts.count).toBe(draftOrders?.n);
    expect(drafts.count).toBe(1);
  });

  it("gives a coordinator their own students not ready, equal to their list", async () => {
    const mine = await items(coordinator);
    const notReady = one(mine, "studentsNotReady");
    expect(notReady.count).toBe((await list(coordinator, "&notReadyDays=14")).total);
    expect(notReady.count).toBe(2);
    expect(mine.map((i) => i.key)).not.toContain("ordersDraft");
  });

  it("gives the IT provider the open lines of each trust it serves, one number per trust when several", async () => {
    const provider = await t.login(world.users.itProvider.email);
    expect(one(await items(provider), "openLines")).toEqual({ key: "openLines", count: 1, link: "/ko" });
    // Serving Helse Fonna as well: a number per trust, each linking to the queue filtered by it.
    await seedBuilders(t.database.db).membership({
      userId: world.users.itProvider.id,
      trustId: world.trusts.fonna.id,
      role: "it_provider",
    });
    const open = (await items(provider)).filter((i) => i.key === "openLines");
    expect(open).toEqual([
      { key: "openLines", count: 1, link: `/ko?foretak=${world.trusts.bergen.id}`, trust: "Helse Bergen" },
      { key: "openLines", count: 0, link: `/ko?foretak=${world.trusts.fonna.id}`, trust: "Helse Fonna" },
    ]);
    const [lines] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderLines)
      .where(sql`${orderLines.trustId} = ${world.trusts.bergen.id} and ${orderLines.state} in ('ordered', 'approved')`);
    expect(open[0]?.count).toBe(lines?.n);
  });
});
