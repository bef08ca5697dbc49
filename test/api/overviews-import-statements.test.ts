import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview } from "../../src/contracts/overviews.ts";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { type ExportRow, writeOverviewWorkbook } from "../../src/server/modules/overviews/excel/write.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Issue 9: an import works in sets. The statements it sends grow with the number of 500-row chunks
 * at most, not with the rows: 2,000 rows cost what 20 do, give or take one statement per chunk.
 */
let t: TestApp;
let world: World;
let cookie: string;
const period = { startDate: "2027-03-01", endDate: "2027-04-09" };

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

/** `n` different students at Helse Bergen (test mode), each with a national ID, e-mail and dates. */
function students(n: number, variant: string): ExportRow[] {
  const ids = new Set<string>();
  for (let i = 0; ids.size < n; i++) {
    ids.add(
      testNationalId({
        year: 2000 + (i % 20),
        month: 1 + (i % 12),
        day: 1 + (Math.floor(i / 12) % 28),
        individual: 500 + Math.floor(i / 336) * 2,
      }),
    );
  }
  return [...ids].map((nationalId, i) => ({
    id: "",
    values: {
      lastName: `Etternavn${i}`,
      firstName: `Fornavn${i}`,
      nationalId,
      email: `student${i}@stud.example.no`,
      studyProgramme: `Sykepleie ${variant}`,
      startDate: "2027-03-01",
      endDate: "2027-03-26",
    },
    registrationState: "not_registered",
    orderState: "not_ordered",
  }));
}

const workbook = (rows: ExportRow[]) =>
  writeOverviewWorkbook({ sheets: [{ name: "Periode 1", kind: "norwegian", rows }], includeNationalIds: true });

async function importFile(overviewId: string, file: Buffer): Promise<ImportReport> {
  const boundary = "----praksistilgangstatements";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="periods"\r\n\r\n${JSON.stringify({ "Periode 1": period })}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/overviews/${overviewId}/import`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The statements of a first import of `n` rows, and of a second that changes them all and drops a tenth. */
async function statementsFor(n: number, cohort: number) {
  const created = await t.call("POST", "/api/overviews", {
    cookie,
    body: { programmeId: world.catalog.hvlNursing.id, cohort },
  });
  expect(created.statusCode, created.body).toBe(201);
  const overview = created.json() as Overview;
  const first = await workbook(students(n, "A"));
  let report: ImportReport | undefined;
  const added = await countStatements(async () => {
    report = await importFile(overview.id, first);
  });
  expect(report).toMatchObject({ saved: true, sheets: [{ added: n, changed: 0, removed: 0 }] });
  const kept = students(n, "B").slice(0, n - n / 10);
  const second = await workbook(kept);
  const changed = await countStatements(async () => {
    report = await importFile(overview.id, second);
  });
  expect(report).toMatchObject({ saved: true, sheets: [{ added: 0, changed: kept.length, removed: n / 10 }] });
  return { added, changed };
}

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock(new Date("2026-11-28T09:00:00Z")) });
  world = await seedWorld(t.database.db);
  cookie = await t.login(world.users.coordinatorHvl.email);
});
afterAll(async () => {
  await t?.close();
});

describe("an import in sets", () => {
  it("sends about as many statements for 2,000 rows as for 20", async () => {
    const small = await statementsFor(20, 2019);
    const large = await statementsFor(2000, 2020);
    const chunks = 2000 / 500;
    // Counted at all: an import reads and writes several tables.
    expect(small.added).toBeGreaterThan(10);
    expect(small.changed).toBeGreaterThan(10);
    expect(large.added - small.added).toBeGreaterThanOrEqual(0);
    expect(large.added - small.added).toBeLessThanOrEqual(chunks);
    expect(large.changed - small.changed).toBeGreaterThanOrEqual(0);
    expect(large.changed - small.changed).toBeLessThanOrEqual(chunks);
  });
});
