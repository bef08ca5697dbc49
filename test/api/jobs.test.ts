import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { appJobs } from "../../src/server/jobs.ts";
import { jobsSchema, startJobs } from "../../src/server/shared/jobs.ts";
import { seedWorld } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const silent = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t.database.db);
});

afterAll(async () => {
  await t.close();
});

describe("background jobs", () => {
  it("schedules every job of the app in pg-boss, and each one runs through it without failing", async () => {
    const config = loadConfig({ DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"), LOG_LEVEL: "silent" });
    const background = appJobs({ db: t.database.db, config, log: silent });
    const jobs = await startJobs({ database: t.database, definitions: background.definitions, log: silent });
    try {
      const schedules = rowsOf(
        await t.database.db.execute(
          sql.raw(`select name, cron, coalesce(timezone, 'UTC') as tz from ${jobsSchema}.schedule order by name`),
        ),
      );
      expect(schedules).toEqual([
        { name: "notifications-batches", cron: "* * * * *", tz: "UTC" },
        { name: "notifications-digest", cron: "0 7 * * *", tz: "Europe/Oslo" },
        { name: "orders-ending-placements", cron: "0 1 * * *", tz: "Europe/Oslo" },
        { name: "orders-expiry-reminders", cron: "0 7 * * *", tz: "Europe/Oslo" },
        { name: "orders-username-mails", cron: "0 6 * * *", tz: "Europe/Oslo" },
        { name: "outbox-flush", cron: "* * * * *", tz: "UTC" },
        { name: "overviews-deadline-reminders", cron: "0 7 * * *", tz: "Europe/Oslo" },
        { name: "personal-data-retention", cron: "0 3 * * *", tz: "Europe/Oslo" },
        { name: "registrations-reminders", cron: "0 8 * * *", tz: "Europe/Oslo" },
      ]);

      for (const { name } of background.definitions) await jobs.trigger(name);
      const names = background.definitions.map((d) => d.name);
      const states = async () =>
        rowsOf(
          await t.database.db.execute(
            sql.raw(
              `select name, state from ${jobsSchema}.job where name in (${names.map((n) => `'${n}'`).join(", ")})`,
            ),
          ),
        );
      const deadline = Date.now() + 30_000;
      while ((await states()).filter((j) => j.state === "completed").length < names.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
      }
      const finished = await states();
      expect(finished.filter((j) => j.state === "failed")).toEqual([]);
      expect(new Set(finished.filter((j) => j.state === "completed").map((j) => j.name))).toEqual(new Set(names));
    } finally {
      await jobs.stop();
      background.close();
    }
  });
});
