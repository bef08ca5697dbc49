import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
});
afterAll(() => t.close());

const items = async (email: string) => {
  const res = await t.call("GET", "/api/dashboard", { cookie: await t.login(email) });
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(res.json().items.map((i: { key: string; count: number; link: string }) => [i.key, i]));
};

describe("GET /api/dashboard", () => {
  it("counts a coordinator's own overviews and FOU's whole trust, each linking to the list", async () => {
    const coordinator = await items(world.users.coordinatorUib.email);
    expect(coordinator.overviews).toEqual({ key: "overviews", count: 1, link: "/oversikter" });
    expect(coordinator.sheetsDue.link).toBe("/oversikter");
    expect(coordinator.problemRows.link).toBe("/oversikter");
    const fou = await items(world.users.studentAdmin.email);
    expect(fou.overviews.count).toBe(2);
    expect(fou.contactFor.count).toBe(2);
  });

  it("shows the IT provider no overview numbers", async () => {
    const provider = await items(world.users.itProvider.email);
    expect(provider.overviews).toBeUndefined();
    expect(provider.institutions.count).toBe(2);
  });
});
