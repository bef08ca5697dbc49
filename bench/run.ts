import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { CreateOrderResponse } from "../src/contracts/orders.ts";
import { createDataCrypto } from "../src/server/shared/crypto.ts";
import { hashPassword } from "../src/server/shared/passwords.ts";
import { queryCountHeader } from "../src/server/shared/query-count.ts";
import { deactivationsFloor, runAccessJob } from "./access.ts";
import { checkInstances, verifySettings } from "./checks.ts";
import { headersOf, importBody, ok, type Session, signIn } from "./client.ts";
import { benchDatabases, query } from "./databases.ts";
import { measureBulkExtension } from "./extensions.ts";
import type { Fixtures } from "./fixtures.ts";
import { floorFile } from "./floors.ts";
import { generate } from "./generate.ts";
import type { OrderSheet } from "./generate-orders.ts";
import { type LoadResult, load, type Target } from "./load.ts";
import { readOptions } from "./options.ts";
import { probeRegistration, registrationTargets } from "./registrations.ts";
import { type Measurement, markdown, type Results } from "./report.ts";
import { peakRss, type ServerProcess, startApp, startFloor } from "./server-process.ts";
import { firstLoadBytes } from "./web.ts";
import { importPeriod, importWorkbooks } from "./workbooks.ts";

/**
 * `npm run bench` (see docs/performance.md): fills two fresh regions, starts the app as its own
 * process beside a floor server, loads every operation at 1, 8 and 32 connections against its floor,
 * and prints the tables (JSON in bench/results/). `--smoke` does all of it on tiny data in seconds.
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
    return { ...made, access: await runAccessJob(database) };
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

  const makeWorkbook = importWorkbooks();
  log("writing the import workbooks");
  const dryRunBook = await makeWorkbook(o.sizes.importRows);
  const checkBook = await makeWorkbook(5);
  const saveBooks: Buffer[] = [];
  const fresh = o.importRounds + 1 + 2 * Math.min(loopImports, Math.ceil(o.durationSeconds) + 2);
  for (let k = 0; k < fresh; k++) saveBooks.push(await makeWorkbook(o.sizes.importRows));
  const largeBook = await makeWorkbook(o.sizes.largeImportRows);
  const rssBook = await makeWorkbook(o.sizes.importRows);

  log("starting the app, the small region's app and the floor server");
  const env = { ...main.env, DATA_ENCRYPTION_KEY: key.toString("base64") };
  const [app, smallApp, floor] = (await Promise.all([
    startApp("app", env),
    startApp("app (small region)", { ...small.env, DATA_ENCRYPTION_KEY: key.toString("base64") }),
    startFloor({ ...main.floorEnv, DATA_ENCRYPTION_KEY: key.toString("base64") }, floorPath),
  ])) as [ServerProcess, ServerProcess, ServerProcess];

  const servers = [app, smallApp, floor];
  const measurements: Measurement[] = [];
  const queries: Results["queries"] = [];
  const cost: Results["cost"] = [];
  let verified: string[] = [];
  let duringImports: Results["duringImports"] = null;
  const memory: Results["memory"] = { baseline: 0, peaks: [] };
  try {
    const sessions = new Map<string, Session>();
    const as = async (email: string, on: ServerProcess = app) => {
      const k = `${on.url} ${email}`;
      if (!sessions.has(k)) sessions.set(k, await signIn(on.url, email, password));
      return sessions.get(k) as Session;
    };
    const importerSessions = await Promise.all(f.users.importers.map((e) => as(e)));
    verified = await verifySettings({
      url: app.url,
      password,
      signInEmail: f.users.signIn,
      registrationToken: f.campaigns.openToken,
      importers: importerSessions,
      dryRunTarget: f.importTargets[0] as string,
      workbook: checkBook,
    });
    log(`settings checked: ${verified.length}`);

    const count = async (label: string, session: Session, path: string) => {
      const answer = await ok(session, path);
      queries.push({ label, statements: answer.queries ?? -1 });
      return answer;
    };
    const coordinator = await as(f.users.coordinator);
    const fou = await as(f.users.fou);
    const fouSmall = await as(f.users.fou, smallApp);
    await count(`sheet of ${o.sizes.smallSheet} rows`, coordinator, `/api/sheets/${f.sheets.small}/rows`);
    await count(`sheet of ${o.sizes.sheet} rows`, coordinator, `/api/sheets/${f.sheets.medium}/rows`);
    await count(
      `sheet of ${o.sizes.largeSheet.toLocaleString("en")} rows`,
      coordinator,
      `/api/sheets/${f.sheets.large}/rows`,
    );
    // The list's first page (50 by name) and how many documents it pages through.
    const listed = async (s: Session) =>
      (JSON.parse((await ok(s, "/api/overviews")).body.toString()) as { total: number }).total;
    const [nCoordinator, nFou, nFouSmall] = [await listed(coordinator), await listed(fou), await listed(fouSmall)];
    const firstPage = (n: number) => (n > 50 ? `first 50 of ${n} documents` : `${n} documents`);
    await count(`overview list, ${firstPage(nCoordinator)} (coordinator)`, coordinator, "/api/overviews");
    await count(`overview list, ${firstPage(nFouSmall)} (FOU, small region)`, fouSmall, "/api/overviews");
    await count(`overview list, ${firstPage(nFou)} (FOU)`, fou, "/api/overviews");
    await count(`dashboard, FOU, small region (scale ${o.smallScale})`, fouSmall, "/api/dashboard");
    await count(`dashboard, FOU (scale ${o.scale})`, fou, "/api/dashboard");
    await count(`readiness list, coordinator (scale ${o.scale}, first page)`, coordinator, "/api/readiness?limit=50");
    const registrationsOf = (id: string) => `/api/campaigns/${id}/registrations`;
    for (const [size, id] of [
      [o.sizes.smallCampaign, f.campaigns.small],
      [o.sizes.campaign, f.campaigns.large],
    ] as const) {
      await count(`campaign of ${size.toLocaleString("en")} registrations (first page)`, fou, registrationsOf(id));
    }

    // Orders of access (issue 13): statements of the dry run, the order and its portal file for a
    // small and a measured sheet (the orders made here are the ones exported below), and of the IT
    // provider's queue and FOU's readiness list in the large and the small region.
    const orderOf = (sheet: OrderSheet) =>
      JSON.stringify({ sheetId: sheet.sheetId, rowIds: sheet.rowIds, acceptWarnings: true });
    const jsonPost = (body: string) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const orderSizes = [
      [o.sizes.smallSheet, f.orders.small],
      [o.sizes.sheet, f.orders.count],
    ] as const;
    for (const [size, sheet] of orderSizes) {
      const answer = await ok(fou, "/api/orders?dryRun=true", jsonPost(orderOf(sheet)));
      queries.push({ label: `orders — dry run of a ${size}-row sheet`, statements: answer.queries ?? -1 });
    }
    const madeOrders: string[] = [];
    for (const [size, sheet] of orderSizes) {
      const answer = await ok(fou, "/api/orders", jsonPost(orderOf(sheet)));
      const made = JSON.parse(answer.body.toString()) as CreateOrderResponse;
      if (!made.order || made.counts.refused > 0) throw new Error(`the ${size}-row order was not made`);
      madeOrders.push(made.order.id);
      queries.push({ label: `orders — order of a ${size}-row sheet`, statements: answer.queries ?? -1 });
    }
    const [smallOrder, largeOrder] = madeOrders as [string, string];
    const exportPathOf = (id: string) => `/api/orders/${id}/export?format=xlsx`;
    await count(`orders — portal export of a ${o.sizes.smallSheet}-row order`, fou, exportPathOf(smallOrder));
    await count(`orders — portal export of a ${o.sizes.sheet}-row order`, fou, exportPathOf(largeOrder));
    const itProvider = await as(f.orders.itProvider);
    const itProviderSmall = await as(f.orders.itProvider, smallApp);
    const openLines = (JSON.parse((await ok(itProvider, "/api/order-lines")).body.toString()) as { total: number })
      .total;
    const readinessOf = (x: Fixtures) => `/api/readiness?from=${x.orders.readiness.from}&to=${x.orders.readiness.to}`;
    await count(`orders — IT queue, small region (scale ${o.smallScale})`, itProviderSmall, "/api/order-lines");
    await count(`orders — IT queue (scale ${o.scale})`, itProvider, "/api/order-lines");
    await count(
      `orders — readiness list of a period, small region (scale ${o.smallScale})`,
      fouSmall,
      readinessOf(smallGenerated.fixtures),
    );
    await count(`orders — readiness list of a period (scale ${o.scale})`, fou, readinessOf(f));
    const { job, toDeactivate } = generated.access;
    queries.push({
      label: `access — nightly ending-placements job (${job.ended} ended lines)`,
      statements: job.statements,
    });
    log(`access — nightly job: ${job.scheduled} scheduled, ${job.continued} continued in ${job.seconds.toFixed(2)} s`);
    await count(
      `access — deactivation list (scale ${o.scale}, ${toDeactivate} lines)`,
      itProvider,
      "/api/deactivations",
    );
    // Access that follows the placement (issue 14): FOU extends the large sheet's placements at once.
    queries.push(await measureBulkExtension(fou, f.sheets.large));

    const reads: { key: string; label: string; user: string; path: string; small?: string }[] = [
      {
        key: "sheet",
        label: `open a sheet of ${o.sizes.sheet} rows`,
        user: f.users.coordinator,
        path: `/api/sheets/${f.sheets.medium}/rows`,
        small: `/api/sheets/${smallGenerated.fixtures.sheets.medium}/rows`,
      },
      {
        key: "listCoordinator",
        label: `overview list, coordinator (${firstPage(nCoordinator)})`,
        user: f.users.coordinator,
        path: "/api/overviews",
      },
      { key: "listFou", label: `overview list, FOU (${firstPage(nFou)})`, user: f.users.fou, path: "/api/overviews" },
      {
        key: "overview",
        label: "one overview document",
        user: f.users.coordinator,
        path: `/api/overviews/${f.overview}`,
      },
      {
        key: "dashboard",
        label: "FOU start page (dashboard)",
        user: f.users.fou,
        path: "/api/dashboard",
        small: "/api/dashboard",
      },
      {
        key: "search",
        label: `search a surname (${f.searchSurname})`,
        user: f.users.fou,
        path: `/api/search?q=${f.searchSurname}`,
        small: `/api/search?q=${f.searchSurname}`,
      },
      {
        key: "registrations",
        label: `campaign registrations list (${o.sizes.campaign.toLocaleString("en")}, first page)`,
        user: f.users.fou,
        path: registrationsOf(f.campaigns.large),
        small: registrationsOf(smallGenerated.fixtures.campaigns.large),
      },
      {
        key: "itQueue",
        label: `orders — IT queue, first page (${openLines.toLocaleString("en")} open lines, ${f.orders.trustIds.length} trusts)`,
        user: f.orders.itProvider,
        path: "/api/order-lines",
        small: "/api/order-lines",
      },
      {
        key: "readiness",
        label: "orders — readiness list of a period (FOU, first page)",
        user: f.users.fou,
        path: readinessOf(f),
        small: readinessOf(smallGenerated.fixtures),
      },
      {
        key: "deactivations",
        label: `access — deactivation list, first page (${toDeactivate.toLocaleString("en")} lines, ${f.orders.trustIds.length} trusts)`,
        user: f.orders.itProvider,
        path: "/api/deactivations",
      },
      { key: "auditNewest", label: "audit log, newest 100", user: f.users.admin, path: "/api/audit?limit=100" },
      {
        key: "auditFiltered",
        label: "audit log, filtered by entity",
        user: f.users.admin,
        path: "/api/audit?entity=agreement&limit=100",
      },
      { key: "notifications", label: "notifications", user: f.users.fou, path: "/api/notifications" },
      { key: "users", label: "user list (admin)", user: f.users.admin, path: "/api/users" },
    ];
    const series = async (
      label: string,
      group: Measurement["group"],
      appTarget: Target,
      floorTarget: Target,
      statements: number | null,
      connections = o.connections,
    ) => {
      if (o.warmupSeconds > 0) await load(appTarget, { connections: 8, seconds: o.warmupSeconds });
      for (const c of connections) {
        const a = await load(appTarget, o.window(c));
        const fl = await load(floorTarget, o.window(c));
        measurements.push({ group, label, statements, app: a, floor: fl });
        log(`${label} at ${c}: ${a.rps.toFixed(1)} req/s (floor ${fl.rps.toFixed(1)})`);
      }
    };
    for (const r of reads.filter((x) => o.only === null || x.label.toLowerCase().includes(o.only))) {
      const session = await as(r.user);
      const probe = await ok(session, r.path);
      const appTarget = { url: app.url, path: r.path, headers: headersOf(session) };
      await series(r.label, "read", appTarget, { url: floor.url, path: `/floor/query/${r.key}` }, probe.queries);
      if (r.small) {
        const smallSession = await as(r.user, smallApp);
        const large = measurements.find((m) => m.label === r.label && m.app.connections === 8)?.app as LoadResult;
        const smallResult = await load(
          { url: smallApp.url, path: r.small, headers: headersOf(smallSession, smallApp.url) },
          o.window(8),
        );
        cost.push({ label: r.label, small: smallResult, large });
      }
    }

    const chosen = (label: string) => o.only === null || label.toLowerCase().includes(o.only);
    const orderRounds = { connections: 1, amount: o.importRounds, timeoutSeconds: 3_600 };
    const dryRunLabel = `orders — dry run of a ${o.sizes.sheet}-row sheet`;
    if (chosen(dryRunLabel)) {
      const body = orderOf(f.orders.dryRun);
      const probe = await ok(fou, "/api/orders?dryRun=true", jsonPost(body));
      await series(
        dryRunLabel,
        "read",
        {
          url: app.url,
          method: "POST",
          path: "/api/orders?dryRun=true",
          headers: { ...headersOf(fou), "content-type": "application/json" },
          body,
        },
        { url: floor.url, path: "/floor/query/orderCheck" },
        probe.queries,
      );
    }
    const createLabel = `orders — create for a ${o.sizes.sheet}-row sheet (a fresh sheet each)`;
    if (chosen(createLabel)) {
      /**
       * Each request orders a sheet of its own: the first is a spare (used only if autocannon does not
       * ask `next` for the first request), then one per request.
       */
      const fresh = (url: string, path: string, headers: Record<string, string>, list: OrderSheet[]): Target => {
        let k = 1;
        const bodyOf = (sheet: OrderSheet) => orderOf(sheet);
        return {
          url,
          method: "POST",
          path,
          headers: { ...headers, "content-type": "application/json" },
          body: bodyOf(list[0] as OrderSheet),
          next: () => ({ path, body: bodyOf(list[Math.min(k++, list.length - 1)] as OrderSheet) }),
        };
      };
      measurements.push({
        group: "order",
        label: createLabel,
        statements:
          queries.find((q) => q.label === `orders — order of a ${o.sizes.sheet}-row sheet`)?.statements ?? null,
        app: await load(fresh(app.url, "/api/orders", headersOf(fou), f.orders.app), orderRounds),
        floor: await load(fresh(floor.url, "/floor/order", {}, f.orders.floor), orderRounds),
      });
      log("order creation measured");
    }
    const portalLabel = `orders — portal export of a ${o.sizes.sheet}-row order (xlsx)`;
    if (chosen(portalLabel)) {
      const exportOrder = f.orders.exportOrder;
      const path = exportPathOf(exportOrder);
      measurements.push({
        group: "export",
        label: portalLabel,
        statements:
          queries.find((q) => q.label === `orders — portal export of a ${o.sizes.sheet}-row order`)?.statements ?? null,
        app: await load({ url: app.url, path, headers: headersOf(fou) }, orderRounds),
        floor: await load({ url: floor.url, path: `/floor/order-export/${exportOrder}` }, orderRounds),
      });
      log("portal export measured");
    }

    // --only measures the chosen reads alone.
    if (o.only === null) {
      const signInBody = JSON.stringify({ email: f.users.signIn, password });
      const signInProbe = await fetch(`${app.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body: signInBody,
      });
      if (!signInProbe.ok) throw new Error(`sign-in answered ${signInProbe.status}`);
      await series(
        "sign-in",
        "sign-in",
        {
          url: app.url,
          method: "POST",
          path: "/api/auth/login",
          headers: { "content-type": "application/json", origin: app.url },
          body: signInBody,
        },
        {
          url: floor.url,
          method: "POST",
          path: "/floor/sign-in",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ password }),
        },
        Number(signInProbe.headers.get(queryCountHeader)),
      );

      // A student's registration through the campaign's public link, each request a new student.
      const registration = registrationTargets({ appUrl: app.url, floorUrl: floor.url, token: f.campaigns.openToken });
      await series(
        "public registration (new student each request)",
        "registration",
        registration.app,
        registration.floor,
        await probeRegistration(registration.app),
        [1, 8],
      );

      const period = importPeriod();
      const rounds = { connections: 1, amount: o.importRounds, timeoutSeconds: 3_600 };
      const [dryRunner, saver, loopA, loopB, rssImporter] = importerSessions as [
        Session,
        Session,
        Session,
        Session,
        Session,
      ];
      const targets = [...f.importTargets.slice(1)];
      const nextTarget = () => {
        const t = targets.shift();
        if (!t) throw new Error("out of import targets");
        return t;
      };
      // Each save gets students of its own while the written workbooks last, then they come round again.
      let booksUsed = 0;
      const nextBook = () => saveBooks[booksUsed++ % saveBooks.length] as Buffer;
      const dryUpload = importBody(dryRunBook, period);
      const floorImport = {
        url: floor.url,
        method: "POST" as const,
        path: "/floor/import",
        headers: { "content-type": "application/octet-stream" },
        body: dryRunBook,
      };
      const importOf = (session: Session, path: string, upload: ReturnType<typeof importBody>) =>
        ok(session, path, { method: "POST", headers: { "content-type": upload.contentType }, body: upload.body });
      const dryPath = `/api/overviews/${f.importTargets[0]}/import?dryRun=true`;
      const dryProbe = await importOf(dryRunner, dryPath, dryUpload);
      /** One import that saves, however long it takes (fetch gives up on answers after five minutes). */
      const saveOnce = (session: Session, overviewId: string, book: Buffer) => {
        const upload = importBody(book, period);
        return load(
          {
            url: app.url,
            method: "POST",
            path: `/api/overviews/${overviewId}/import`,
            headers: { ...headersOf(session), "content-type": upload.contentType },
            body: upload.body,
          },
          { connections: 1, amount: 1, timeoutSeconds: 3_600 },
        );
      };
      const dryApp = await load(
        {
          url: app.url,
          method: "POST",
          path: dryPath,
          headers: { ...headersOf(dryRunner), "content-type": dryUpload.contentType },
          body: dryUpload.body,
        },
        rounds,
      );
      measurements.push({
        group: "import",
        label: `import dry run, ${o.sizes.importRows.toLocaleString("en")} rows`,
        statements: dryProbe.queries,
        app: dryApp,
        floor: await load(floorImport, rounds),
      });
      const saveTarget: Target = {
        url: app.url,
        method: "POST",
        path: `/api/overviews/${f.importTargets[1]}/import`,
        headers: { ...headersOf(saver), "content-type": dryUpload.contentType },
        body: dryUpload.body,
        next: () => ({ path: `/api/overviews/${nextTarget()}/import`, body: importBody(nextBook(), period).body }),
      };
      measurements.push({
        group: "import",
        label: `import and save, ${o.sizes.importRows.toLocaleString("en")} rows`,
        statements: null,
        app: await load(saveTarget, rounds),
        floor: await load(floorImport, rounds),
      });
      log("imports measured");
      const exporter = await as(f.users.exporter);
      const exportPath = `/api/overviews/${f.exportOverview}/export`;
      const exportProbe = await ok(exporter, exportPath);
      measurements.push({
        group: "export",
        label: `export of a document with a ${o.sizes.largeSheet.toLocaleString("en")}-row sheet`,
        statements: exportProbe.queries,
        app: await load({ url: app.url, path: exportPath, headers: headersOf(exporter) }, rounds),
        floor: await load({ url: floor.url, path: "/floor/export" }, rounds),
      });
      log("export measured");

      // Opening a sheet, idle and then while two people import and save one workbook after another.
      const sheetTarget = {
        url: app.url,
        path: `/api/sheets/${f.sheets.medium}/rows`,
        headers: headersOf(coordinator),
      };
      const idle = await load(sheetTarget, o.window(8));
      let reading = true;
      let importsDone = 0;
      const loop = async (session: Session) => {
        while (reading) {
          await saveOnce(session, nextTarget(), nextBook());
          importsDone++;
        }
      };
      const loops = [loop(loopA), loop(loopB)];
      const busy = await load(sheetTarget, o.window(8)).finally(() => {
        reading = false;
      });
      await Promise.all(loops);
      duringImports = { idle, busy, importsDone };
      log("reads during imports measured");

      memory.baseline = app.rss();
      for (const [rows, book] of [
        [o.sizes.importRows, rssBook],
        [o.sizes.largeImportRows, largeBook],
      ] as const) {
        const { peak } = await peakRss(app, () => saveOnce(rssImporter, nextTarget(), book));
        memory.peaks.push({ rows, peak });
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  let instances: Results["instances"] = null;
  if (o.instances > 1 && o.only === null) {
    if (main.kind !== "postgres") {
      log("--instances needs PostgreSQL (BENCH_DATABASE_URL): PGlite is one process's database");
    } else {
      log(`checking ${o.instances} instances`);
      instances = await checkInstances({
        target: main,
        env,
        instances: o.instances,
        password,
        signInEmail: f.users.signIn,
        window: o.window,
        reads: [
          {
            label: `open a sheet of ${o.sizes.sheet} rows`,
            user: f.users.coordinator,
            path: `/api/sheets/${f.sheets.medium}/rows`,
          },
          { label: "overview list, FOU", user: f.users.fou, path: "/api/overviews" },
          { label: "FOU start page (dashboard)", user: f.users.fou, path: "/api/dashboard" },
          {
            label: `search a surname (${f.searchSurname})`,
            user: f.users.fou,
            path: `/api/search?q=${f.searchSurname}`,
          },
        ],
      });
    }
  }

  const results: Results = {
    startedAt,
    machine: {
      cpus: availableParallelism(),
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      database: main.kind === "postgres" ? databaseVersion : `PGlite (${databaseVersion})`,
      loadAverageBefore,
      loadAverageAfter: loadavg(),
    },
    settings: {
      scale: o.scale,
      smallScale: o.smallScale,
      seconds: o.durationSeconds,
      connections: o.connections,
      rounds: o.importRounds,
    },
    generated: { counts: generated.counts, seconds: generated.seconds, smallSeconds: smallGenerated.seconds },
    verified,
    measurements,
    queries,
    cost,
    duringImports,
    memory,
    web,
    instances,
  };
  const file = join(root, `bench/results/${startedAt.replace(/[:.]/g, "-")}${o.smoke ? "-smoke" : ""}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown(results));
  log(`results in ${file}`);
} finally {
  await main.dispose();
  await small.dispose();
}
// Kept-alive sockets of fetch would hold the process for a while.
process.exit(0);
