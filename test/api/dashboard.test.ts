import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardItemKeySchema } from "../../src/contracts/dashboard.ts";
import type { Overview } from "../../src/contracts/overviews.ts";
import { addDays, todayInOslo } from "../../src/domain/dates.ts";
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

  it("counts what the overview list shows: sheets due soon or late, and rows with errors", async () => {
    const coordinator = await t.login(world.users.coordinatorUib.email);
    const overviewId = world.overviews.uib.overview.id;
    // The trust's deadline is 28 days before the start: one sheet late, one due soon, one on time.
    const starting = (days: number) => addDays(todayInOslo(new Date()), 28 + days);
    for (const [number, start] of [
      [11, starting(-1)],
      [12, starting(3)],
      [13, starting(30)],
    ] as const) {
      const res = await t.call("POST", `/api/overviews/${overviewId}/sheets`, {
        cookie: coordinator,
        body: { kind: "norwegian", label: "Periode", number, startDate: start, endDate: addDays(start, 30) },
      });
      expect(res.statusCode, res.body).toBe(201);
      if (number === 11) {
        const row = await t.call("POST", `/api/sheets/${res.json().id}/rows`, {
          cookie: coordinator,
          body: { lastName: "Uten", firstName: "Epost" },
        });
        expect(row.statusCode, row.body).toBeLessThan(300);
      }
    }
    for (const email of [world.users.coordinatorUib.email, world.users.studentAdmin.email]) {
      const cookie = await t.login(email);
      const list = (await t.call("GET", "/api/overviews", { cookie })).json() as Overview[];
      const sheets = list.flatMap((o) => o.sheets);
      const counted = await items(email);
      expect(counted.overviews.count, email).toBe(list.length);
      expect(counted.sheetsDue.count, email).toBe(
        sheets.filter((s) => s.deadlineState === "due_soon" || s.deadlineState === "late").length,
      );
      expect(counted.problemRows.count, email).toBe(sheets.reduce((sum, s) => sum + s.problemRowCount, 0));
      expect(counted.sheetsDue.count, email).toBeGreaterThanOrEqual(2);
      expect(counted.problemRows.count, email).toBeGreaterThanOrEqual(1);
    }
  });
});
