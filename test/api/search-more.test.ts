import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchLimit } from "../../src/contracts/search.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** A search answers the first `searchLimit` rows by name, and says when more match. */
let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
});
afterAll(() => t.close());

const rowsNamed = (lastName: string, count: number) =>
  t.database.db.insert(placementRows).values(
    Array.from({ length: count }, (_, i) => ({
      sheetId: world.overviews.uib.sheet.id,
      position: 100 + i,
      lastName,
      firstName: `Student ${String(i).padStart(3, "0")}`,
    })),
  );

describe("search with more matches than it answers", () => {
  it("answers the first rows by name and more: true, and more: false when all are answered", async () => {
    await rowsNamed("Mangesen", searchLimit + 1);
    await rowsNamed("Fåsen", 3);
    const cookie = await t.login(world.users.coordinatorUib.email);
    const search = async (q: string) => {
      const res = await t.call("GET", `/api/search?q=${encodeURIComponent(q)}`, { cookie });
      expect(res.statusCode).toBe(200);
      return res.json() as { results: { firstName: string }[]; more: boolean };
    };
    const many = await search("mangesen");
    expect(many.results).toHaveLength(searchLimit);
    expect(many.results[0]?.firstName).toBe("Student 000");
    expect(many.results.at(-1)?.firstName).toBe(`Student ${String(searchLimit - 1).padStart(3, "0")}`);
    expect(many.more).toBe(true);
    const exact = await search(`Mangesen Student 0${searchLimit}`);
    expect(exact).toEqual({
      results: [expect.objectContaining({ firstName: `Student 0${searchLimit}` })],
      more: false,
    });
    const few = await search("fåsen");
    expect(few.results).toHaveLength(3);
    expect(few.more).toBe(false);
  });
});
