import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardItemKeySchema } from "../../src/contracts/dashboard.ts";
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
    const fou = await items(world.users.studentAdmin.email);
    expect(fou.overviews.count).toBe(2);
    expect(fou.contactFor.count).toBe(2);
  });

  it("links every number to the list of what it counts, filtered where the count is part of a list", async () => {
    const links = async (email: string) =>
      Object.fromEntries(Object.values(await items(email)).map((i) => [i.key, i.link]));
    expect(await links(world.users.coordinatorUib.email)).toEqual({
      overviews: "/oversikter",
      sheetsDue: "/oversikter?vis=frist",
      problemRows: "/oversikter?vis=feil",
      institutions: "/institusjoner",
      programmes: "/studieprogram",
    });
    expect(await links(world.users.studentAdmin.email)).toMatchObject({
      contactFor: "/institusjoner?kontakt=meg",
      agreements: "/institusjoner",
    });
    expect(await links(world.users.admin.email)).toMatchObject({
      users: "/admin/brukere",
      agreements: "/admin/institusjoner?sort=agreement",
      professions: "/admin/studieprogram?fane=yrker",
      programmes: "/admin/studieprogram",
      placementSites: "/admin/praksissteder",
    });
  });

  it("sends only the keys the contract defines, which the web has texts for", async () => {
    for (const user of Object.values(world.users)) {
      const res = await t.call("GET", "/api/dashboard", { cookie: await t.login(user.email) });
      expect(res.statusCode, user.email).toBe(200);
      for (const item of res.json().items) expect(dashboardItemKeySchema.options).toContain(item.key);
    }
  });

  it("shows the IT provider no overview numbers", async () => {
    const provider = await items(world.users.itProvider.email);
    expect(provider.overviews).toBeUndefined();
    expect(provider.institutions.count).toBe(2);
  });
});
