import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPglite, type Database, migrateDatabase, openDatabase } from "../src/server/shared/database.ts";

/**
 * Where one benchmark region lives: a fresh PostgreSQL database, or embedded PGlite in a folder of
 * its own (the server's DATA_DIR). `env` is what the server process needs to open it.
 */
export interface BenchDatabase {
  label: string;
  kind: "pglite" | "postgres";
  env: Record<string, string>;
  /**
   * What the floor server opens: the same database on PostgreSQL; on PGlite, which one process
   * holds at a time, a copy of the filled folder, so app and floor run side by side.
   */
  floorEnv: Record<string, string>;
  /** Opens it in this process (PGlite: only while no server has it open). */
  open(): Promise<Database>;
  /**
   * Migrates an empty database and hands it to `work`. PGlite is filled in memory and then
   * written to the folder at once (creating a cluster in a folder takes far longer).
   */
  fill<T>(work: (database: Database) => Promise<T>): Promise<T>;
  /** Removes what the benchmark created (a temporary folder, the small scale's database). */
  dispose(): Promise<void>;
}

/** Runs a statement with parameters on either engine (arrays go in whole, for `unnest`). */
export async function query<T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.pglite) return (await database.pglite.query<T>(text, params)).rows;
  if (!database.pool) throw new Error("no database connection");
  return (await database.pool.query(text, params)).rows as T[];
}

/** A migrated empty PGlite, dumped once per run: each region starts from a copy of it. */
let migratedDump: File | Blob | null = null;

async function migratedPglite(): Promise<PGlite> {
  if (migratedDump) return createPglite({ loadDataDir: migratedDump });
  const pglite = await createPglite();
  await migrateDatabase(await openDatabase({ kind: "pglite", dataDir: null, pglite }));
  migratedDump = await pglite.dumpDataDir("none");
  return pglite;
}

function pgliteDatabase(label: string): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), `praksis-bench-${label}-`));
  const floorDir = `${dataDir}-floor`;
  return {
    label,
    kind: "pglite",
    env: { DATA_DIR: dataDir },
    floorEnv: { DATA_DIR: floorDir },
    open: () => openDatabase({ kind: "pglite", dataDir }),
    async fill(work) {
      const database = await openDatabase({ kind: "pglite", dataDir: null, pglite: await migratedPglite() });
      try {
        await migrateDatabase(database);
        const result = await work(database);
        const dump = await (database.pglite as PGlite).dumpDataDir("none");
        // The path main.ts opens: DATA_DIR/pglite; the floor server's copy beside it.
        const onDisk = await createPglite({ dataDir: join(dataDir, "pglite"), loadDataDir: dump });
        await onDisk.close();
        cpSync(dataDir, floorDir, { recursive: true });
        return result;
      } finally {
        await database.close();
      }
    },
    async dispose() {
      for (const dir of [dataDir, floorDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The main region in BENCH_DATABASE_URL, which must be empty (a fresh `CREATE DATABASE`), and the
 * small one in `<name>_small` next to it, which the benchmark creates and drops itself.
 */
async function postgresDatabases(url: string): Promise<{ main: BenchDatabase; small: BenchDatabase }> {
  const tables = await adminQuery(
    url,
    "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
  );
  if ((tables.rows[0] as { n: number }).n > 0) {
    throw new Error(
      "BENCH_DATABASE_URL must name an empty database: create a fresh one (CREATE DATABASE bench_…) for each run.",
    );
  }
  const mainUrl = new URL(url);
  const smallName = `${mainUrl.pathname.slice(1)}_small`;
  if (!/^[a-z0-9_]+$/.test(smallName))
    throw new Error("BENCH_DATABASE_URL's database name: letters, digits and _ only.");
  const smallUrl = new URL(url);
  smallUrl.pathname = `/${smallName}`;
  await adminQuery(url, `drop database if exists ${smallName} with (force)`);
  await adminQuery(url, `create database ${smallName}`);
  const on = (label: string, u: string, dispose: () => Promise<void>): BenchDatabase => {
    const open = () => openDatabase({ kind: "postgres", url: u });
    return {
      label,
      kind: "postgres",
      env: { DATABASE_URL: u },
      floorEnv: { DATABASE_URL: u },
      open,
      async fill(work) {
        const database = await open();
        try {
          await migrateDatabase(database);
          return await work(database);
        } finally {
          await database.close();
        }
      },
      dispose,
    };
  };
  return {
    main: on("main", url, async () => {}),
    small: on("small", smallUrl.toString(), async () => {
      await adminQuery(url, `drop database if exists ${smallName} with (force)`);
    }),
  };
}

export async function benchDatabases(url: string | null): Promise<{ main: BenchDatabase; small: BenchDatabase }> {
  if (url) return postgresDatabases(url);
  return { main: pgliteDatabase("main"), small: pgliteDatabase("small") };
}
