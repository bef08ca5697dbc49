import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview, OverviewList, Sheet } from "../../src/contracts/overviews.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import type { persons } from "../../src/server/modules/persons/persons.table.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** The sheet counts the overview list and a document show (SPEC §3.2): rows, and rows whose person is in HR. */
let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
});
afterAll(() => t.close());

const countsOfSheet = (sheet: Sheet | undefined) => ({
  rows: sheet?.rowCount,
  problems: sheet?.problemRowCount,
  registered: sheet?.registeredCount,
  ordered: sheet?.orderedCount,
});
const countsOf = (overview: Overview | undefined) =>
  countsOfSheet(overview?.sheets.find((s) => s.id === world.overviews.uib.sheet.id));

describe("sheet counts", () => {
  it("counts the rows whose person is transferred to HR, with errors and ordered, alike in the list, the document and the open sheet", async () => {
    const cookie = await t.login(world.users.coordinatorUib.email);
    const list = async () => {
      const res = await t.call("GET", "/api/overviews", { cookie });
      expect(res.statusCode).toBe(200);
      return countsOf((res.json() as OverviewList).items.find((o) => o.id === world.overviews.uib.overview.id));
    };
    const document = async () => {
      const res = await t.call("GET", `/api/overviews/${world.overviews.uib.overview.id}`, { cookie });
      expect(res.statusCode).toBe(200);
      return countsOf(res.json() as Overview);
    };
    const opened = async () => {
      const res = await t.call("GET", `/api/sheets/${world.overviews.uib.sheet.id}/rows`, { cookie });
      expect(res.statusCode).toBe(200);
      return countsOfSheet((res.json() as { sheet: Sheet }).sheet);
    };
    const before = await list();
    expect(await document()).toEqual(before);
    expect(await opened()).toEqual(before);

    const db = t.database.db;
    const b = seedBuilders(db);
    const row = async (
      values: Partial<typeof persons.$inferInsert> | null,
      state: Partial<typeof placementRows.$inferInsert> = {},
    ) => {
      const person = values ? await b.student({ trustId: world.trusts.bergen.id, ...values }) : null;
      await db.insert(placementRows).values({
        sheetId: world.overviews.uib.sheet.id,
        position: 60,
        personId: person?.id ?? null,
        firstName: person?.firstName ?? "Uten",
        lastName: person?.lastName ?? "Person",
        ...state,
      });
    };
    await row({ registeredAt: new Date(), hrTransferredAt: new Date() }, { orderState: "ordered" });
    await row({ registeredAt: new Date() }, { orderState: "rejected", errorCount: 2 });
    await row({}, { orderState: "changed" });
    await row(null, { errorCount: 1 });
    // A transferred person on none of these rows counts nowhere.
    await b.student({ trustId: world.trusts.fonna.id, hrTransferredAt: new Date() });

    const after = {
      rows: (before.rows ?? 0) + 4,
      problems: (before.problems ?? 0) + 2,
      registered: (before.registered ?? 0) + 1,
      ordered: (before.ordered ?? 0) + 2,
    };
    expect(await list()).toEqual(after);
    expect(await document()).toEqual(after);
    expect(await opened()).toEqual(after);
  });
});
