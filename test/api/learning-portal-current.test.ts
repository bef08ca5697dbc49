import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningPortalItem } from "../../src/contracts/learning-portal.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Which placements are current for Læringsportalen (issue 11): the row's own end date when it has
 * one, else its sheet's, on or after today (28.11.2026 in Oslo). The list and FOU's start-page
 * number read them through the rows' and the sheets' end dates and must agree.
 */
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
let t: TestApp;
let world: World;
let fou = "";

async function addSheet(number: number, startDate: string, endDate: string) {
  const res = await t.call("POST", `/api/overviews/${world.overviews.uib.overview.id}/sheets`, {
    cookie: fou,
    body: { kind: "international", label: "Periode", number, startDate, endDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function addRow(sheetId: string, firstName: string, dates: { startDate?: string; endDate?: string } = {}) {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, {
    cookie: fou,
    body: { lastName: "Student", firstName, email: `${firstName.toLowerCase()}@uni.test`, ...dates },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  const ended = await addSheet(15, "2026-09-01", "2026-10-09");
  const current = await addSheet(16, "2026-11-16", "2026-12-18");
  // Its sheet ended, its own end date has not.
  await addRow(ended, "Late", { startDate: "2026-09-01", endDate: "2026-12-04" });
  // Neither has ended: its own end date is today.
  await addRow(current, "Today", { startDate: "2026-11-16", endDate: "2026-11-28" });
  // Its sheet is current, its own end date has passed.
  await addRow(current, "Early", { startDate: "2026-11-16", endDate: "2026-11-20" });
  // The sheet's dates.
  await addRow(current, "Plain");
  await addRow(ended, "Gone");
});
afterAll(async () => {
  await t.close();
});

describe("current placements for Læringsportalen", () => {
  it("are the rows whose own end, else their sheet's, is today or later, in the list and on the start page", async () => {
    const res = await t.call("GET", "/api/learning-portal?limit=200&sort=name", { cookie: fou });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as LearningPortalItem[];
    expect(items.map((i) => [i.firstName, i.endDate, i.state])).toEqual([
      ["Late", "2026-12-04", "needed"],
      ["Plain", "2026-12-18", "needed"],
      ["Today", "2026-11-28", "needed"],
    ]);
    const dashboard = await t.call("GET", "/api/dashboard", { cookie: fou });
    expect(dashboard.json().items).toContainEqual({
      key: "learningPortalWaiting",
      count: 3,
      link: "/laeringsportalen?status=needed",
    });
  });
});
