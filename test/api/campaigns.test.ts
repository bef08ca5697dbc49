import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows } from "../helpers/audit.ts";
import { tokenOf } from "../helpers/registration.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
let t: TestApp;
let world: World;
let fou: string;
let coordinatorUib: string;
let coordinatorHvl: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  coordinatorUib = await t.login(world.users.coordinatorUib.email);
  coordinatorHvl = await t.login(world.users.coordinatorHvl.email);
});
afterAll(() => t.close());

const create = (body: Record<string, unknown>) => t.call("POST", "/api/campaigns", { cookie: fou, body });

describe("campaigns", () => {
  it("are created by FOU with a default name, a public link and zero counts, and audited", async () => {
    const res = await create({ institutionId: world.institutions.uib.id, deadline: "2026-08-20" });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: "UiB høst 2026", state: "open", institutionName: "Universitetet i Bergen" });
    expect(c.publicUrl).toMatch(/^http:\/\/praksistilgang\.test\/registrer\/[\w-]{43}$/);
    expect(c.counts).toEqual({ unconfirmed: 0, confirmed: 0, matched: 0, transferred: 0 });
    expect((await auditRows(t, c.id)).map((a) => a.action)).toEqual(["create"]);
    const again = await t.call("GET", `/api/campaigns/${c.id}`, { cookie: fou });
    expect(again.json().publicUrl).toBe(c.publicUrl);
  });

  it("refuse a past deadline and a sheet of another institution", async () => {
    const past = await create({ institutionId: world.institutions.uib.id, deadline: "2026-08-01" });
    expect(past.json().code).toBe("campaign.deadline_past");
    const mismatch = await create({
      institutionId: world.institutions.uib.id,
      sheetId: world.overviews.hvl.sheet.id,
      deadline: "2026-08-20",
    });
    expect(mismatch.json().code).toBe("campaign.sheet_mismatch");
    const tied = await create({
      institutionId: world.institutions.uib.id,
      sheetId: world.overviews.uib.sheet.id,
      deadline: "2026-08-21",
    });
    expect(tied.json()).toMatchObject({ overviewId: world.overviews.uib.overview.id, sheetName: "Periode 1" });
  });

  it("are seen by coordinators of their own institution only (another's is 404)", async () => {
    const hvl = (
      await create({ institutionId: world.institutions.hvl.id, deadline: "2026-08-20", name: "HVL-kampanje" })
    ).json();
    const list = (await t.call("GET", "/api/campaigns", { cookie: coordinatorUib })).json();
    expect(list.items.every((c: { institutionId: string }) => c.institutionId === world.institutions.uib.id)).toBe(
      true,
    );
    expect(list.total).toBe(list.items.length);
    expect((await t.call("GET", `/api/campaigns/${hvl.id}`, { cookie: coordinatorUib })).statusCode).toBe(404);
    expect((await t.call("GET", `/api/campaigns/${hvl.id}`, { cookie: coordinatorHvl })).statusCode).toBe(200);
    expect((await t.call("GET", `/api/campaigns/${hvl.id}/qr.svg`, { cookie: coordinatorUib })).statusCode).toBe(404);
    const patch = await t.call("PATCH", `/api/campaigns/${hvl.id}`, { cookie: coordinatorHvl, body: { closed: true } });
    expect(patch.statusCode).toBe(403);
  });

  it("are filtered, searched and sorted", async () => {
    const res = await t.call("GET", "/api/campaigns?q=hvl-kamp&sort=name&dir=desc", { cookie: fou });
    expect(res.json().items.map((c: { name: string }) => c.name)).toEqual(["HVL-kampanje"]);
    const open = await t.call("GET", "/api/campaigns?state=closed", { cookie: fou });
    expect(open.json().items.map((c: { name: string }) => c.name)).not.toContain("HVL-kampanje");
  });

  it("are extended, renamed, closed early and reopened", async () => {
    const c = (await create({ institutionId: world.institutions.uib.id, deadline: "2026-08-20" })).json();
    const extended = await t.call("PATCH", `/api/campaigns/${c.id}`, {
      cookie: fou,
      body: { deadline: "2026-09-01", name: "Ny frist" },
    });
    expect(extended.json()).toMatchObject({ deadline: "2026-09-01", name: "Ny frist", state: "open" });
    const closed = await t.call("PATCH", `/api/campaigns/${c.id}`, { cookie: fou, body: { closed: true } });
    expect(closed.json().state).toBe("closed");
    expect((await t.call("GET", `/api/public/campaigns/${tokenOf(c.publicUrl)}`)).json().open).toBe(false);
    const reopened = await t.call("PATCH", `/api/campaigns/${c.id}`, { cookie: fou, body: { closed: false } });
    expect(reopened.json()).toMatchObject({ state: "open", closedAt: null });
    expect((await auditRows(t, c.id)).map((a) => a.fields)).toContainEqual(["closed_at"]);
  });

  it("give their link as a QR code in SVG and PNG", async () => {
    const c = (await create({ institutionId: world.institutions.uib.id, deadline: "2026-08-20" })).json();
    const svg = await t.call("GET", `/api/campaigns/${c.id}/qr.svg`, { cookie: coordinatorUib });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    expect(svg.body).toContain("<svg");
    const png = await t.call("GET", `/api/campaigns/${c.id}/qr.png`, { cookie: fou });
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
  });

  it("give one late student a personal link, at most 60 days ahead, shown once", async () => {
    const c = (await create({ institutionId: world.institutions.uib.id, deadline: "2026-08-20" })).json();
    const tooLong = await t.call("POST", `/api/campaigns/${c.id}/personal-links`, {
      cookie: fou,
      body: { note: "Sen", validUntil: "2026-12-31" },
    });
    expect(tooLong.json().code).toBe("campaign.personal_link_too_long");
    const link = await t.call("POST", `/api/campaigns/${c.id}/personal-links`, {
      cookie: fou,
      body: { note: "Sen student", validUntil: "2026-09-05" },
    });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ note: "Sen student", validUntil: "2026-09-05", usedAt: null });
    expect(tokenOf(link.json().url)).not.toBe(tokenOf(c.publicUrl));
  });
});
