import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, migrateDatabase, migrationsFolder, openDatabase } from "../../src/server/shared/database.ts";
import { postgresUrl, testDbKind, withPostgresAdmin } from "../helpers/test-db.ts";

/** The rows of a raw query, whichever driver ran it. */
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/** An empty database of this project's engine, never migrated. */
async function emptyDatabase(): Promise<Database> {
  if (testDbKind === "pglite") return openDatabase({ kind: "pglite", dataDir: null });
  const name = `pt_empty_${randomBytes(6).toString("hex")}`;
  await withPostgresAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ kind: "postgres", url: postgresUrl(name) });
  return {
    ...database,
    async close() {
      await database.close();
      await withPostgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

describe("migrations", () => {
  it("apply from scratch, every committed one, and again without change", async () => {
    const database = await emptyDatabase();
    try {
      await migrateDatabase(database);
      const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8"));
      const applied = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rowsOf(applied)[0]).toEqual({ n: journal.entries.length });
      const tables = await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(rowsOf(tables).map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "trusts",
          "institutions",
          "agreements",
          "users",
          "memberships",
          "sessions",
          "audit_events",
        ]),
      );
      await migrateDatabase(database);
      const again = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rowsOf(again)[0]).toEqual({ n: journal.entries.length });
    } finally {
      await database.close();
    }
  });

  it("make the audit trail insert-only in the database itself", async () => {
    const database = await emptyDatabase();
    try {
      await migrateDatabase(database);
      await database.db.execute(
        sql`insert into audit_events (entity, entity_id, action) values ('test', '1', 'create')`,
      );
      await expect(database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/audit_events is insert-only/) },
      });
      await expect(database.db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/audit_events is insert-only/) },
      });
    } finally {
      await database.close();
    }
  });
  it("keep access profile versions and their items as they were made", async () => {
    const database = await emptyDatabase();
    try {
      await migrateDatabase(database);
      const db = database.db;
      const [trust] = rowsOf(await db.execute(sql`insert into trusts (name) values ('Helse Test') returning id`));
      const [profession] = rowsOf(
        await db.execute(
          sql`insert into professions (trust_id, name) values (${trust?.id}, 'Sykepleier') returning id`,
        ),
      );
      const [system] = rowsOf(
        await db.execute(
          sql`insert into clinical_systems (trust_id, name, roles) values (${trust?.id}, 'DIPS Arena', '["Student"]') returning id`,
        ),
      );
      const [profile] = rowsOf(
        await db.execute(
          sql`insert into access_profiles (trust_id, profession_id, version) values (${trust?.id}, ${profession?.id}, 1) returning id`,
        ),
      );
      const [version] = rowsOf(
        await db.execute(
          sql`insert into access_profile_versions (profile_id, version) values (${profile?.id}, 1) returning id`,
        ),
      );
      await db.execute(
        sql`insert into access_profile_items (version_id, system_id, role, position) values (${version?.id}, ${system?.id}, 'Student', 0)`,
      );
      for (const statement of [
        sql`update access_profile_versions set limits = 'x'`,
        sql`delete from access_profile_versions`,
        sql`update access_profile_items set role = 'x'`,
        sql`delete from access_profile_items`,
      ]) {
        await expect(db.execute(statement)).rejects.toMatchObject({
          cause: { message: expect.stringMatching(/access_profile_(versions|items) is insert-only/) },
        });
      }
    } finally {
      await database.close();
    }
  });
});
