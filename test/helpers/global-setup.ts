import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../src/server/shared/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory, cloned by each test file. */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database each test file copies with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string;
  }
}

/** Migrates a template once per run; each test file then starts from a fresh copy of it. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "praksistilgang-test-"));
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  await migrateDatabase(database);
  const dump = await database.pglite?.dumpDataDir("none");
  if (!dump) throw new Error("PGlite dump failed");
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);

  const url = process.env.TEST_DATABASE_URL;
  let dropTemplate = async () => {};
  if (project.config.env?.TEST_DB === "postgres" && url) {
    const name = `pt_tpl_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const template = await openDatabase({ kind: "postgres", url: target.toString() });
    await migrateDatabase(template);
    await template.close();
    project.provide("postgresTemplate", name);
    dropTemplate = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  return async () => {
    await dropTemplate();
    rmSync(dir, { recursive: true, force: true });
  };
}
