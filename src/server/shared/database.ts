import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseKind } from "../config.ts";
import * as schema from "../db/schema.ts";
import { countingLogger } from "./query-count.ts";

export type Schema = typeof schema;
/** The one database type the code works with, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query interface as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either a database handle or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** The PGlite instance when embedded (pg-boss and dumps use it). */
  pglite?: PGlite;
  /** The pool when on PostgreSQL. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

const migrationLockKey = 7_270_401;

/**
 * A PGlite with the extensions the migrations create (pg_trgm, for search by a part of a name):
 * in `dataDir` on disk (in memory without one), or loaded from a dump. Every PGlite is opened here.
 */
export const createPglite = (options: { dataDir?: string; loadDataDir?: Blob | File } = {}) =>
  PGlite.create({ ...options, extensions: { pg_trgm } });

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "../db/migrations");

/**
 * Opens PGlite in `dataDir` (in memory when null), or a pool on PostgreSQL. `countQueries` (the
 * benchmark's BENCH_COUNT_QUERIES) counts every statement for the request it runs in.
 */
export async function openDatabase(
  target: { kind: "pglite"; dataDir: string | null; pglite?: PGlite } | { kind: "postgres"; url: string },
  options: { countQueries?: boolean } = {},
): Promise<Database> {
  const logger = options.countQueries ? countingLogger : undefined;
  if (target.kind === "pglite") {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const pglite =
      target.pglite ?? (await createPglite(target.dataDir ? { dataDir: join(target.dataDir, "pglite") } : {}));
    const db = drizzlePglite(pglite, { schema, logger }) as unknown as Db;
    return { kind: "pglite", db, pglite, close: () => pglite.close() };
  }
  // JIT off: the app's statements are short, and where a plan's estimate passes jit_above_cost
  // (a trust-wide count, a long list) compiling it took longer than running it (docs/performance.md).
  const pool = new pg.Pool({ connectionString: target.url, max: 10, options: "-c jit=off" });
  // An idle connection the server ends (a restart, an administrator) is dropped by the pool and
  // replaced on the next query; without this listener the error would end the whole process.
  pool.on("error", (error) => {
    process.stderr.write(`PostgreSQL closed an idle connection: ${error.message}\n`);
  });
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  return { kind: "postgres", db, pool, close: () => pool.end() };
}

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  // Instances starting together take turns: an advisory lock held on one connection.
  const client = await (database.pool as pg.Pool).connect();
  try {
    await client.query("select pg_advisory_lock($1)", [migrationLockKey]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [migrationLockKey]);
    client.release();
  }
}
