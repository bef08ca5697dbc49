import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { fillDemoData } from "../src/server/demo/demo-data.ts";
import { createDataCrypto } from "../src/server/shared/crypto.ts";
import { migrateDatabase, openDatabase } from "../src/server/shared/database.ts";

/**
 * `npm run bench`: builds the app on a fresh database (embedded PGlite, or the PostgreSQL of
 * BENCH_DATABASE_URL), fills it at Helse Vest scale times BENCH_SCALE (default 0.1), and reports
 * each operation's median time as a ratio to a floor measured in the same run: the health check,
 * one database round trip through the whole HTTP stack. Ratios, not seconds, are what to compare
 * between runs and machines.
 */
const scale = Number(process.env.BENCH_SCALE ?? "0.1");
const rounds = Number(process.env.BENCH_ROUNDS ?? "30");
const url = process.env.BENCH_DATABASE_URL;

const database = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: null });
await migrateDatabase(database);
const db = database.db;
const password = "bench-passord-123";
const config = loadConfig({
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  LOG_LEVEL: "silent",
  LOGIN_RATE_LIMIT: "1000",
});
await fillDemoData(db, { password, crypto: createDataCrypto(config.encryptionKey), publicUrl: config.publicUrl });

const auditRows = Math.round(1_000_000 * scale);
const extraUsers = Math.round(2_000 * scale);
const started = performance.now();
await db.execute(sql`
  insert into audit_events (actor_id, trust_id, entity, entity_id, action, fields, at)
  select u.id, t.id, (array['user','agreement','programme','placement_site','row'])[1 + g % 5], gen_random_uuid()::text,
         (array['create','update','delete'])[1 + g % 3], array['name'], now() - (g || ' seconds')::interval
  from generate_series(1, ${auditRows}) g
  cross join lateral (select id from trusts limit 1) t
  cross join lateral (select id from users order by email limit 1 offset (g % 7)) u`);
await db.execute(sql`
  with new_users as (
    insert into users (email, name)
    select 'bench' || g || '@bench.test', 'Bench Person ' || g from generate_series(1, ${extraUsers}) g
    returning id)
  insert into memberships (user_id, trust_id, role)
  select id, (select id from trusts limit 1), 'student_admin' from new_users`);
const fillSeconds = (performance.now() - started) / 1000;

const app = await buildApp({ config, database });
const login = await app.inject({
  method: "POST",
  url: "/api/auth/login",
  payload: { email: "admin@demo.test", password },
});
const cookie = `pt_session=${login.cookies.find((c) => c.name === "pt_session")?.value}`;

async function measure(name: string, path: string): Promise<{ name: string; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < rounds + 3; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: "GET", url: path, headers: { cookie } });
    const t = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (i >= 3) times.push(t);
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)] as number };
}

const floor = await measure("floor: GET /api/health", "/api/health");
const results = [
  await measure("GET /api/auth/me", "/api/auth/me"),
  await measure("GET /api/institutions", "/api/institutions"),
  await measure(`GET /api/users (${extraUsers + 7} people)`, "/api/users"),
  await measure(`GET /api/audit newest 100 of ${auditRows}`, "/api/audit?limit=100"),
  await measure("GET /api/audit filtered by entity", "/api/audit?entity=agreement&limit=100"),
  await measure("GET /api/dashboard", "/api/dashboard"),
];

console.log(
  `Praksistilgang benchmark on ${database.kind}, scale ${scale} (filled in ${fillSeconds.toFixed(1)} s), median of ${rounds}`,
);
console.log(`${"operation".padEnd(48)} ${"ratio to floor".padStart(14)}`);
console.log(`${floor.name.padEnd(48)} ${"1.0".padStart(14)}`);
for (const r of results) console.log(`${r.name.padEnd(48)} ${(r.median / floor.median).toFixed(1).padStart(14)}`);

await app.close();
await database.close();
