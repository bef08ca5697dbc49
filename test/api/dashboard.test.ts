import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardItemKeySchema } from "../../src/contracts/dashboard.ts";
import type { Overview } from "../../src/contracts/overviews.ts";
import { addDays, todayInOslo } from "../../src/domain/dates.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import type { persons } from "../../src/server/modules/persons/persons.table.ts";
import { insertCampaign, insertRegistration } from "../helpers/registrations.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
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
      studentsNotRegistered: "/registrering/kampanjer",
      studentsNotReady: "/klar?ikkeKlar=14",
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

describe("the registrations' numbers", () => {
  it("counts FOU's unmatched and unconfirmed registrations and the persons ready for HR, for the trust only", async () => {
    const db = t.database.db;
    const b = seedBuilders(db);
    const bergen = world.trusts.bergen.id;
    const today = todayInOslo(new Date());
    const campaign = await insertCampaign(db, {
      trustId: bergen,
      institutionId: world.institutions.uib.id,
      sheetId: world.overviews.uib.sheet.id,
      overviewId: world.overviews.uib.overview.id,
      deadline: addDays(today, 10),
    });
    const onSheet = async (values: Partial<typeof persons.$inferInsert> = {}) => {
      const person = await b.student({ trustId: bergen, ...values });
      await db.insert(placementRows).values({
        sheetId: world.overviews.uib.sheet.id,
        position: 50,
        personId: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
      });
      return person;
    };
    await onSheet();
    const matched = await onSheet({ registeredAt: new Date() });
    const unconfirmed = await onSheet();
    const withoutRows = await b.student({ trustId: bergen });
    await b.student({ trustId: bergen, registeredAt: new Date() });
    await b.student({ trustId: bergen, registeredAt: new Date(), hrTransferredAt: new Date() });
    await insertRegistration(db, campaign);
    await insertRegistration(db, campaign, { personId: withoutRows.id });
    await insertRegistration(db, campaign, { personId: matched.id });
    await insertRegistration(db, campaign, { personId: unconfirmed.id, emailConfirmedAt: null });
    const fonna = await insertCampaign(db, {
      trustId: world.trusts.fonna.id,
      institutionId: world.institutions.fsv.id,
      deadline: addDays(today, 10),
    });
    await insertRegistration(db, fonna, { emailConfirmedAt: null });
    await insertRegistration(db, fonna);
    // Closed early: its students are not asked any more.
    await insertCampaign(db, {
      trustId: bergen,
      institutionId: world.institutions.uib.id,
      deadline: addDays(today, 10),
      closedAt: new Date(),
    });

    // The world's own registrations (one per campaign, confirmed, no person) count too: two at Helse Bergen.
    const fou = await items(world.users.studentAdmin.email);
    expect(fou.registrationsUnmatched).toEqual({
      key: "registrationsUnmatched",
      count: 2 + 2,
      link: "/registrering/kampanjer?tilstand=confirmed",
    });
    expect(fou.registrationsUnconfirmed).toEqual({
      key: "registrationsUnconfirmed",
      count: 1,
      link: "/registrering/kampanjer?tilstand=unconfirmed",
    });
    expect(fou.readyForHrTransfer).toEqual({ key: "readyForHrTransfer", count: 2, link: "/registrering/overfoering" });
    expect(fou.studentsNotRegistered).toBeUndefined();
    const fonnaAdmin = await items(world.users.fonnaAdmin.email);
    expect(fonnaAdmin.registrationsUnconfirmed.count).toBe(1);
    expect(fonnaAdmin.registrationsUnmatched.count).toBe(1 + 1);

    // The seed's row (no person), the one with no registration and the unconfirmed one.
    const coordinator = await items(world.users.coordinatorUib.email);
    expect(coordinator.studentsNotRegistered).toEqual({
      key: "studentsNotRegistered",
      count: 3,
      link: `/registrering/kampanjer/${campaign.id}?vis=mangler`,
    });
    expect(coordinator.registrationsUnmatched).toBeUndefined();
    const hvl = await items(world.users.coordinatorHvl.email);
    expect(hvl.studentsNotRegistered).toEqual({
      key: "studentsNotRegistered",
      count: 0,
      link: "/registrering/kampanjer",
    });
  });
});
