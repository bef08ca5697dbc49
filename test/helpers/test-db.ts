import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { createPglite, type Database, openDatabase } from "../../src/server/shared/database.ts";

/** Which engine this test project runs on: "pglite", or "postgres" when TEST_DATABASE_URL is set. */
export const testDbKind = (process.env.TEST_DB ?? "pglite") as "pglite" | "postgres";

/** The URL of a database named `name` on the TEST_DATABASE_URL server. */
export function postgresUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL as the server's administrator (CREATE/DROP DATABASE). */
export async function withPostgresAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database for one test file, copied from the run's template. */
export async function createTestDb(): Promise<Database> {
  if (testDbKind === "pglite") {
    const tar = readFileSync(inject("pgliteTemplate"));
    const pglite = await createPglite({ loadDataDir: new Blob([tar]) });
    return openDatabase({ kind: "pglite", dataDir: null, pglite });
  }
  const name = `pt_test_${randomBytes(6).toString("hex")}`;
  await withPostgresAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`));
  const database = await openDatabase({ kind: "postgres", url: postgresUrl(name) });
  return {
    ...database,
    async close() {
      await database.close();
      await withPostgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
