import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createDataCrypto } from "../src/server/shared/crypto.ts";
import { hashPassword } from "../src/server/shared/passwords.ts";
import { deactivationsFloor, runAccessJob } from "./access.ts";
import { verifySettings } from "./checks.ts";
import { signIn } from "./client.ts";
import { type BenchContext, sessionCache } from "./context.ts";
import { benchDatabases, query } from "./databases.ts";
import type { Fixtures } from "./fixtures.ts";
import { floorFile } from "./floors.ts";
import { generate } from "./generate.ts";
import { measureImports, writeImportBooks } from "./import-timings.ts";
import { instancesCheck } from "./instances.ts";
import { readOptions } from "./options.ts";
import { measureOrders } from "./order-timings.ts";
import { measureReads } from "./reads.ts";
import type { Results } from "./report.ts";
import { writeResults } from "./results-file.ts";
import { type ServerProcess, startApp, startFloor } from "./server-process.ts";
import { measureSignIn } from "./sign-in-timings.ts";
import { countStatements } from "./statement-counts.ts";
import { firstLoadBytes } from "./web.ts";

/**
 * `npm run bench` (see docs/performance.md): fills two fresh regions, starts the app as its own
 * process beside a floor server, loads every operation at 1, 8 and 32 connections against its floor,
 * and prints the tables (JSON in bench/results/). `--smoke` does all of it on tiny data in seconds.
 * The phases, in order: statement counts, reads, orders, then (without `--only`) sign-in and
 * registration, imports, export, reads during imports and memory; then `--instances`.
 */
const o = readOptions(process.argv.slice(2));
const root = join(import.meta.dirname, "..");
const began = performance.now();
const log = (line: string) =>
  process.stderr.write(`bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s: ${line}\n`);
const startedAt = new Date().toISOString();
const loadAverageBefore = loadavg();

if (!existsSync(join(root, "dist/web/index.html"))) {
  log("building the web app (npm run build)");
  const built = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("the web build failed");
}
const web = firstLoadBytes([
  { page: "overview list (/oversikter)", chunk: "OverviewsPage" },
  { page: "overview document (/oversikter/:id)", chunk: "OverviewPage" },
]);

const password = "bench-passord-123";
const key = randomBytes(32);
const crypto = createDataCrypto(key);
const passwordHash = await hashPassword(password);
const importers = 12;
/** Imports each of the two loops beside the reads may save (each into an empty document of its own). */
const loopImports = o.smoke ? 30 : Math.ceil(o.durationSeconds) + 2;
const importTargets = 2 + o.importRounds + 2 * loopImports + 2;
const { main, small } = await benchDatabases(o.databaseUrl);

try {
  log(`filling the region at scale ${o.scale} (${main.kind})`);
  let databaseVersion = "";
  const generated = await main.fill(async (database) => {
    const [v] = await query<{ v: string }>(database, "select version() as v");
    databaseVersion = v?.v.split(" on ")[0]?.split(",")[0] ?? "";
    const made = await generate(database, {
      ...o,
      crypto,
      passwordHash,
      importers,
      importTargets,
      orderRounds: o.importRounds,
    });
    const access = await runAccessJob(database);
    // The nightly job rewrote order lines and wrote their audit rows: vacuumed again, as the
    // generator's output was (generate.ts).
    await query(database, "vacuum (analyze)");
    return { ...made, access };
  });
  log(`filled in ${generated.seconds.toFixed(1)} s; the small region at scale ${o.smallScale}`);
  const smallGenerated = await small.fill((database) =>
    generate(database, {
      ...o,
      scale: o.smallScale,
      crypto,
      passwordHash,
      importers,
      importTargets,
      orderRounds: 0,
    }),
  );
  const f: Fixtures = generated.fixtures;
  mkdirSync(join(root, "bench/results"), { recursive: true });
  const floorPath = join(root, "bench/results/floors.json");
  const floors = floorFile(f, passwordHash);
  floors.queries.deactivations = deactivationsFloor(f.orders.trustIds);
  writeFileSync(floorPath, JSON.stringify(floors));

  log("writing the import workbooks");
  const books = await writeImportBooks(o, loopImports);

  log("starting the app, the small region's app and the floor server");
  const env = { ...main.env, DATA_ENCRYPTION_KEY: key.toString("base64") };
  const [app, smallApp, floor] = (await Promise.all([
    startApp("app", env),
    startApp("app (small region)", { ...small.env, DATA_ENCRYPTION_KEY: key.toString("base64") }),
    startFloor({ ...main.floorEnv, DATA_ENCRYPTION_KEY: key.toString("base64") }, floorPath),
  ])) as [ServerProcess, ServerProcess, ServerProcess];

  const servers = [app, smallApp, floor];
  const c: BenchContext = {
    o,
    log,
    password,
    f,
    smallFixtures: smallGenerated.fixtures,
    app,
    smallApp,
    floor,
    as: sessionCache(app, (url, email) => signIn(url, email, password)),
    measurements: [],
    queries: [],
    cost: [],
  };
  let verified: string[] = [];
  let duringImports: Results["duringImports"] = null;
  let memory: Results["memory"] = { baseline: 0, peaks: [] };
  try {
    const importerSessions = await Promise.all(f.users.importers.map((e) => c.as(e)));
    verified = await verifySettings({
      url: app.url,
      password,
      signInEmail: f.users.signIn,
      registrationToken: f.campaigns.openToken,
      importers: importerSessions,
      dryRunTarget: f.importTargets[0] as string,
      workbook: books.check,
    });
    log(`settings checked: ${verified.length}`);

    const listed = await countStatements(c, generated.access);
    await measureReads(c, listed);
    await measureOrders(c);
    // --only measures the chosen reads alone.
    if (o.only === null) {
      await measureSignIn(c);
      ({ duringImports, memory } = await measureImports(c, importerSessions, books));
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  const instances = await instancesCheck({ options: o, main, env, password, f, log });

  writeResults({
    root,
    options: o,
    startedAt,
    loadAverageBefore,
    database: main.kind === "postgres" ? databaseVersion : `PGlite (${databaseVersion})`,
    measured: {
      generated: { counts: generated.counts, seconds: generated.seconds, smallSeconds: smallGenerated.seconds },
      verified,
      measurements: c.measurements,
      queries: c.queries,
      cost: c.cost,
      duringImports,
      memory,
      web,
      instances,
    },
    log,
  });
} finally {
  await main.dispose();
  await small.dispose();
}
// Kept-alive sockets of fetch would hold the process for a while.
process.exit(0);
