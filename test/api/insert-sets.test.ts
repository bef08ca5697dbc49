import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { rowChanges } from "../../src/server/modules/overviews/overviews.table.ts";
import { insertInSets } from "../../src/server/shared/insert-sets.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** Inserting in sets (`unnest` of one array per column) stores what Drizzle's insert would. */
let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
});
afterAll(async () => {
  await t?.close();
});

describe("insertInSets", () => {
  it("stores arrays, JSON, dates, nulls and defaults as given, for any number of rows", async () => {
    const trustId = world.trusts.bergen.id;
    const values = Array.from({ length: 6_001 }, (_, i) => ({
      actorId: null,
      trustId,
      institutionId: i % 2 === 0 ? null : world.institutions.uib.id,
      entity: "row",
      entityId: `set-${i}`,
      action: "import",
      fields: i % 3 === 0 ? [] : ["last_name", `field "${i}", {odd}`],
      requestId: "insert-sets",
    }));
    await insertInSets(t.database.db, auditEvents, values);
    const stored = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, "insert-sets"));
    expect(stored).toHaveLength(6_001);
    const byId = new Map(stored.map((r) => [r.entityId, r]));
    expect(byId.get("set-0")).toMatchObject({ fields: [], institutionId: null, trustId });
    expect(byId.get("set-1")?.fields).toEqual(["last_name", 'field "1", {odd}']);
    expect(byId.get("set-1")?.institutionId).toBe(world.institutions.uib.id);
    // Columns no row gives take their defaults.
    expect(byId.get("set-5")?.at).toBeInstanceOf(Date);
    expect(byId.get("set-5")?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("maps each value through its column (timestamps) and refuses a column only some rows give", async () => {
    const b = seedBuilders(t.database.db);
    const { overview, sheet } = await b.overview({
      trustId: world.trusts.bergen.id,
      institutionId: world.institutions.uib.id,
      programmeId: world.catalog.uibMedicine.id,
      cohort: 2031,
    });
    const at = new Date("2026-11-02T10:15:30.123Z");
    const change = {
      overviewId: overview.id,
      sheetId: sheet.id,
      rowId: null,
      rowLabel: "Nordmann, Kari",
      kind: "row_added",
      field: null,
      fromValue: null,
      toValue: "x",
      actorId: world.users.studentAdmin.id,
      at,
    };
    await insertInSets(t.database.db, rowChanges, [change, { ...change, toValue: null }]);
    const stored = await t.database.db.select().from(rowChanges).where(eq(rowChanges.sheetId, sheet.id));
    expect(stored.filter((r) => r.rowLabel === "Nordmann, Kari").map((r) => [r.at.toISOString(), r.toValue])).toEqual(
      expect.arrayContaining([
        [at.toISOString(), "x"],
        [at.toISOString(), null],
      ]),
    );
    await expect(insertInSets(t.database.db, rowChanges, [change, { ...change, at: undefined }])).rejects.toThrow(
      /given for some rows only/,
    );
  });
});
