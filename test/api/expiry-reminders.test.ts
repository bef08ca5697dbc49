import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { expiryReminderJobs } from "../../src/server/modules/orders/expiry-reminders.jobs.ts";
import { expiryReminders } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { seedOrderLines } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The expiry reminders (SPEC §3.2 step 6): 14 days and 1 day before a placement's access ends, FOU
 * and the coordinators are told once, in one notification each listing the students, unless a later
 * placement of the same person continues it; after an extension the new end reminds again.
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2027-03-26T05:00:00Z"));
let jobs: ReturnType<typeof expiryReminderJobs>;
const rowIds: Record<"ending" | "second" | "continued" | "later" | "other", string> = {} as never;

/** A submitted sheet with rows for these persons and dates, each with an implemented line. */
/** Each call's document is a cohort of its own (a random one could meet an earlier one). */
let nextCohort = 4000;

async function placements(list: { person: string; start: string; end: string }[]) {
  const db = t.database.db;
  const b = seedBuilders(db);
  const { overview, sheet } = await b.overview({
    trustId: world.trusts.bergen.id,
    institutionId: world.institutions.uib.id,
    programmeId: world.catalog.uibMedicine.id,
    cohort: nextCohort++,
  });
  await db.delete(placementRows).where(eq(placementRows.sheetId, sheet.id));
  await db.update(sheets).set({ submittedAt: new Date(), endDate: "2027-06-30" }).where(eq(sheets.id, sheet.id));
  const rows = await db
    .insert(placementRows)
    .values(
      list.map((p, i) => ({
        sheetId: sheet.id,
        position: i + 1,
        lastName: `Slutt${i}`,
        firstName: "Siri",
        personId: p.person,
        startDate: p.start,
        endDate: p.end,
      })),
    )
    .returning({ id: placementRows.id });
  await seedOrderLines(db, {
    trustId: world.trusts.bergen.id,
    institutionId: world.institutions.uib.id,
    overviewId: overview.id,
    sheetId: sheet.id,
    by: world.users.studentAdmin.id,
    lines: rows.map((r, i) => ({
      rowId: r.id,
      personId: list[i]?.person as string,
      systemId: world.clinical.dips.id,
      role: "Student lege",
      profileVersionId: world.clinical.doctorProfile.version.id,
      state: "implemented",
      validFrom: list[i]?.start as string,
      validTo: list[i]?.end as string,
    })),
  });
  return rows.map((r) => r.id);
}

const remindersOf = (userId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .then((rows) => rows.filter((n) => n.kind === "order_line.expiring"));

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const config = loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") });
  jobs = expiryReminderJobs({ db: t.database.db, config, clock });
  const people = await t.database.db
    .insert(persons)
    .values(["a", "b", "c", "d"].map((n) => ({ trustId: world.trusts.bergen.id, firstName: "Siri", lastName: n })))
    .returning({ id: persons.id });
  const [a, b, c, d] = people.map((p) => p.id) as [string, string, string, string];
  // Today is 26.03.2027 in Oslo: access ending 09.04.2027 is 14 days away.
  const first = await placements([
    { person: a, start: "2027-03-01", end: "2027-04-09" },
    { person: b, start: "2027-03-01", end: "2027-04-09" },
    { person: c, start: "2027-03-01", end: "2027-04-09" },
    { person: d, start: "2027-03-01", end: "2027-04-20" },
  ]);
  // Person c goes on to a later placement starting the day after: it continues the access.
  const later = await placements([{ person: c, start: "2027-04-10", end: "2027-05-31" }]);
  [rowIds.ending, rowIds.second, rowIds.continued, rowIds.other] = first as [string, string, string, string];
  rowIds.later = later[0] as string;
});
afterAll(() => t?.close());

describe("expiry reminders", () => {
  it("tells FOU and the coordinator once each, listing the students, not for a continuing placement", async () => {
    const run = await jobs.runExpiryReminders(clock.now());
    expect(run).toEqual({ reminders: 2, notified: 2 });
    const recorded = await t.database.db.select().from(expiryReminders);
    expect(recorded.map((r) => r.rowId).sort()).toEqual([rowIds.ending, rowIds.second].sort());
    expect(recorded.every((r) => r.daysBefore === 14 && r.endDate === "2027-04-09")).toBe(true);
    const [coordinator] = await remindersOf(world.users.coordinatorUib.id);
    expect(coordinator?.text).toContain("2 studenter");
    expect(coordinator?.text).toContain("09.04.2027");
    expect(coordinator?.text).toContain("Siri Slutt0");
    expect(coordinator?.text).not.toContain("Slutt2");
    expect(await remindersOf(world.users.studentAdmin.id)).toHaveLength(1);
    expect(await remindersOf(world.users.coordinatorHvl.id)).toHaveLength(0);
  });

  it("reminds nobody twice when the job runs again the same day", async () => {
    expect(await jobs.runExpiryReminders(new Date("2027-03-26T14:00:00Z"))).toEqual({ reminders: 0, notified: 0 });
    expect(await remindersOf(world.users.coordinatorUib.id)).toHaveLength(1);
  });

  it("reminds again a day before, and for the new end after an extension", async () => {
    const fou = await t.login(world.users.studentAdmin.email);
    const res = await t.call("POST", "/api/rows/extend", {
      cookie: fou,
      body: { rowIds: [rowIds.second], endDate: "2027-04-23" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await jobs.runExpiryReminders(new Date("2027-04-08T05:00:00Z"))).toEqual({ reminders: 1, notified: 2 });
    // 09.04.2027 + 14 days is the extended end: its 14-day reminder.
    expect(await jobs.runExpiryReminders(new Date("2027-04-09T05:00:00Z"))).toEqual({ reminders: 1, notified: 2 });
    const recorded = await t.database.db
      .select()
      .from(expiryReminders)
      .where(inArray(expiryReminders.rowId, [rowIds.second, rowIds.other]));
    expect(recorded.map((r) => `${r.daysBefore}:${r.endDate}`).sort()).toEqual(["14:2027-04-09", "14:2027-04-23"]);
  });
});
