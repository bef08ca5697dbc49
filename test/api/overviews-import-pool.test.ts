import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import {
  createParsePool,
  type ParsePool,
  type ParsePoolLoad,
  type ParsePoolOptions,
} from "../../src/server/modules/overviews/excel/parse-pool.ts";
import type { Database } from "../../src/server/shared/database.ts";
import { seedWorld, testPassword, type World } from "../helpers/seed.ts";
import { createTestDb } from "../helpers/test-db.ts";

/**
 * Imports cannot starve the server (issue 7, part 5): workbooks are parsed in worker threads, at
 * most IMPORT_CONCURRENCY at once, IMPORT_QUEUE waiting, the next refused with 503 and Retry-After,
 * one at a time per person. The parse workers here are the real ones held by the test (they wait
 * on a shared flag, blocking only their own thread), so imports are in flight for as long as the
 * test needs without any timing; or ones that crash.
 */
const fixture = readFileSync(new URL("../../../shared/fixtures/praksisoversikt-eksempel.xlsx", import.meta.url));
const worker = (name: string) => new URL(`../helpers/workers/${name}`, import.meta.url);

interface PoolApp {
  app: FastifyInstance;
  database: Database;
  world: World;
  pool: ParsePool;
  cookie: (user: keyof World["users"]) => Promise<string>;
}

/** The whole app on a fresh database with the given parse pool. */
async function poolApp(options: Partial<ParsePoolOptions>): Promise<PoolApp> {
  const database = await createTestDb();
  const config = loadConfig({
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "silent",
    PUBLIC_URL: "http://praksistilgang.test",
  });
  const pool = createParsePool({ concurrency: 2, queueLimit: 1, log: { error: () => {} }, ...options });
  const app = await buildApp({ config, database, parsePool: pool });
  const world = await seedWorld(database.db);
  const cookies = new Map<string, string>();
  return {
    app,
    database,
    world,
    pool,
    async cookie(user) {
      const known = cookies.get(user);
      if (known) return known;
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: world.users[user].email, password: testPassword },
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = `pt_session=${res.cookies.find((c) => c.name === "pt_session")?.value}`;
      cookies.set(user, cookie);
      return cookie;
    },
  };
}

/** A dry-run import of `file` into a document, as one person. */
function importAs(t: PoolApp, cookie: string, overviewId: string, file: Buffer) {
  const boundary = `----praksistilgang${randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/api/overviews/${overviewId}/import?dryRun=true`,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

/** Resolves as soon as the pool's load is as wanted (at once when it already is). */
function until(pool: ParsePool, wanted: (load: ParsePoolLoad) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (wanted(pool.load())) return resolve();
    const stop = pool.onLoad((load) => {
      if (!wanted(load)) return;
      stop();
      resolve();
    });
  });
}

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

describe("imports in flight", () => {
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const release = () => {
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
  };
  let t: PoolApp;
  const seen: ParsePoolLoad[] = [];

  beforeAll(async () => {
    t = await poolApp({ worker: worker("blocking-parse.worker.mjs"), workerData: { hold } });
    t.pool.onLoad((load) => seen.push(load));
  });
  afterAll(async () => {
    release();
    await t?.app.close();
    await t?.database.close();
  });

  it("leave other requests answering, run at most two at once, queue one, refuse the next and a person's second", async () => {
    const hvl = t.world.overviews.hvl.overview.id;
    const order: string[] = [];
    const track = (name: string, request: Promise<{ statusCode: number; body: string }>) =>
      request.then((res) => {
        order.push(name);
        return res;
      });

    const first = track("coordinator", importAs(t, await t.cookie("coordinatorHvl"), hvl, fixture));
    const second = track("student admin", importAs(t, await t.cookie("studentAdmin"), hvl, fixture));
    await until(t.pool, (l) => l.running === 2);
    const third = track("admin", importAs(t, await t.cookie("admin"), hvl, fixture));
    await until(t.pool, (l) => l.queued === 1);
    expect(t.pool.load()).toEqual({ running: 2, queued: 1 });

    const busy = await importAs(t, await t.cookie("coordinatorUib"), t.world.overviews.uib.overview.id, fixture);
    expect(busy.statusCode, busy.body).toBe(503);
    expect(busy.headers["retry-after"]).toBe("5");
    expect(json<{ code: string }>(busy).code).toBe("import.busy");

    const again = await importAs(t, await t.cookie("coordinatorHvl"), hvl, fixture);
    expect(again.statusCode, again.body).toBe(429);
    expect(json<{ code: string; message: string }>(again)).toMatchObject({
      code: "import.in_progress",
      message: "You have an import running already. Wait for its answer, then try again.",
    });

    // The event loop is free while two workers are busy parsing: other requests are answered now.
    const health = await track("health", t.app.inject({ method: "GET", url: "/api/health" }));
    expect(health.statusCode).toBe(200);
    const document = await track(
      "document",
      t.app.inject({
        method: "GET",
        url: `/api/overviews/${hvl}`,
        headers: { cookie: await t.cookie("coordinatorHvl") },
      }),
    );
    expect(document.statusCode).toBe(200);
    expect(order).toEqual(["health", "document"]);

    release();
    const answers = await Promise.all([first, second, third]);
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      const report = json<ImportReport>(res);
      expect(report.sheets.map((s) => [s.name, s.added])).toEqual([
        ["Periode 1", 7],
        ["Internasjonale – Periode 1", 2],
      ]);
    }
    expect(Math.max(...seen.map((l) => l.running))).toBe(2);
    expect(Math.max(...seen.map((l) => l.queued))).toBe(1);
    expect(t.pool.load()).toEqual({ running: 0, queued: 0 });
  });

  it("let a person import again once their import has answered, also after a refusal", async () => {
    const hvl = t.world.overviews.hvl.overview.id;
    const mine = await importAs(t, await t.cookie("coordinatorHvl"), hvl, fixture);
    expect(mine.statusCode, mine.body).toBe(200);
    const refused = await importAs(t, await t.cookie("coordinatorUib"), t.world.overviews.uib.overview.id, fixture);
    expect(refused.statusCode, refused.body).toBe(200);
    const notXlsx = await importAs(t, await t.cookie("coordinatorHvl"), hvl, Buffer.from("Etternavn;Fornavn\n"));
    expect(notXlsx.statusCode).toBe(400);
    expect(json<{ code: string }>(notXlsx).code).toBe("upload.not_xlsx");
    expect((await importAs(t, await t.cookie("coordinatorHvl"), hvl, fixture)).statusCode).toBe(200);
  });
});

describe("a parse worker that fails", () => {
  let t: PoolApp;
  beforeAll(async () => {
    t = await poolApp({ worker: worker("misbehaving.worker.mjs"), maxOldGenerationSizeMb: 32 });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.database.close();
  });

  it("answers 500 when the worker throws or exits, 413 when it runs out of memory, and imports go on", async () => {
    const cookie = await t.cookie("coordinatorHvl");
    const hvl = t.world.overviews.hvl.overview.id;
    for (const what of ["throw", "exit"]) {
      const res = await importAs(t, cookie, hvl, Buffer.from(what));
      expect(res.statusCode, what).toBe(500);
      expect(json<{ code: string }>(res).code).toBe("server.error");
    }
    const oom = await importAs(t, cookie, hvl, Buffer.from("oom"));
    expect(oom.statusCode, oom.body).toBe(413);
    expect(json<{ code: string }>(oom).code).toBe("upload.too_complex");
    const fine = await importAs(t, cookie, hvl, Buffer.from("fine"));
    expect(fine.statusCode, fine.body).toBe(200);
    expect(json<ImportReport>(fine).sheets).toEqual([]);
    expect(t.pool.load()).toEqual({ running: 0, queued: 0 });
  });
});
