import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { retentionJobs } from "../../src/server/modules/retention/retention.jobs.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { auditRows } from "../helpers/audit.ts";
import { registrationBuilders } from "../helpers/registration-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Registrations that never matched a placement row are deleted the trust's
 * `unmatched_registration_days` after their campaign's deadline; matched ones stay.
 */
const clock = createTestClock(new Date("2027-03-01T02:00:00Z"));
let t: TestApp;
let world: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  const r = registrationBuilders(db, createDataCrypto(randomBytes(32)));
  await db.update(trusts).set({ unmatchedRegistrationDays: 30 }).where(eq(trusts.id, world.trusts.bergen.id));
  const bergen = { trustId: world.trusts.bergen.id, institutionId: world.institutions.uib.id };
  // 15.01 + 30 days is 14.02, past on 01.03; 15.02 + 30 days is 17.03, not yet.
  const past = await r.campaign({ ...bergen, deadline: "2027-01-15" });
  const recent = await r.campaign({ ...bergen, deadline: "2027-02-15" });
  // Helse Fonna keeps them its default 90 days.
  const fonna = await r.campaign({
    trustId: world.trusts.fonna.id,
    institutionId: world.institutions.fsv.id,
    deadline: "2027-01-15",
  });

  const withRows = await b.student({ trustId: bergen.trustId });
  await db
    .insert(placementRows)
    .values({ sheetId: world.overviews.uib.sheet.id, position: 5, lastName: "Rad", personId: withRows.id });
  const withoutRows = await b.student({ trustId: bergen.trustId });
  ids.unmatched = (await r.registration(past)).id;
  ids.personWithoutRows = (await r.registration(past, { personId: withoutRows.id })).id;
  ids.matchedPerson = (await r.registration(past, { personId: withRows.id, matchedBy: "national_id" })).id;
  ids.matchedRow = (await r.registration(past, { matchedRowId: world.overviews.uib.row.id })).id;
  ids.recent = (await r.registration(recent)).id;
  ids.fonna = (await r.registration(fonna)).id;
});
afterAll(() => t.close());

const remaining = async () =>
  (await t.database.db.select({ id: registrations.id }).from(registrations)).map((r) => r.id);

describe("retention of unmatched registrations", () => {
  it("deletes only the unmatched registrations past the trust's period after the deadline, audited", async () => {
    const jobs = retentionJobs({ db: t.database.db, clock });
    const result = await jobs.runRetention();
    expect(result.registrations).toBe(2);
    const left = await remaining();
    expect(left).not.toContain(ids.unmatched);
    expect(left).not.toContain(ids.personWithoutRows);
    for (const kept of [ids.matchedPerson, ids.matchedRow, ids.recent, ids.fonna, world.registrations.uib]) {
      expect(left).toContain(kept);
    }
    const audit = await auditRows(t, ids.unmatched as string);
    expect(audit).toMatchObject([{ entity: "registration", action: "delete", actorId: null }]);
    expect((await jobs.runRetention()).registrations).toBe(0);
  });

  it("deletes the recent campaign's once its period has passed too", async () => {
    clock.advance(17 * 86_400_000);
    expect((await retentionJobs({ db: t.database.db, clock }).runRetention()).registrations).toBe(1);
    expect(await remaining()).not.toContain(ids.recent);
  });
});
