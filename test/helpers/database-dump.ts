import { sql } from "drizzle-orm";
import type { Database } from "../../src/server/shared/database.ts";

/**
 * Every byte the database holds, as text to search for values that must not be there: PGlite's
 * data directory as a tar, or on PostgreSQL every row of every table outside the system schemas.
 */
export async function databaseDump(database: Database): Promise<string> {
  if (database.pglite) {
    const tar = await database.pglite.dumpDataDir("none");
    return Buffer.from(await tar.arrayBuffer()).toString("latin1");
  }
  const query = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as { rows: T[] }).rows;
  const tables = await query<{ table_schema: string; table_name: string }>(
    sql`select table_schema, table_name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  const parts: string[] = [];
  for (const { table_schema, table_name } of tables) {
    const rows = await query<{ row: string }>(
      sql`select t::text as row from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} t`,
    );
    parts.push(`${table_schema}.${table_name}:`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}
