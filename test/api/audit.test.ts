import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
  for (const name of ["Post A", "Post B", "Post C"]) {
    expect((await t.call("POST", "/api/placement-sites", { cookie: admin, body: { name } })).statusCode).toBe(201);
  }
  const fonna = await t.login(world.users.fonnaAdmin.email);
  const fonnaPost = await t.call("POST", "/api/placement-sites", { cookie: fonna, body: { name: "Fonnapost" } });
  expect(fonnaPost.statusCode).toBe(201);
});
afterAll(() => t.close());

describe("GET /api/audit", () => {
  it("lists the trust's changes newest first with who, what and which fields — no values", async () => {
    const res = await t.call("GET", "/api/audit?entity=placement_site", { cookie: admin });
    expect(res.statusCode).toBe(200);
    const { events } = res.json();
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      entity: "placement_site",
      action: "create",
      fields: ["name", "department"],
      actor: { id: world.users.admin.id, name: "Ingrid Haugland", email: "admin@bergen.test" },
    });
    expect(JSON.stringify(events)).not.toMatch(/Post A|Fonnapost/);
  });

  it("filters by actor, record, action and time, and pages", async () => {
    const byActor = (
      await t.call("GET", `/api/audit?actorId=${world.users.admin.id}&action=sign_in`, { cookie: admin })
    ).json();
    expect(byActor.events.every((e: { action: string }) => e.action === "sign_in")).toBe(true);
    expect(byActor.events.length).toBeGreaterThan(0);

    const first = (await t.call("GET", "/api/audit?entity=placement_site&limit=2", { cookie: admin })).json();
    expect(first.events).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = (
      await t.call("GET", `/api/audit?entity=placement_site&limit=2&before=${first.next}`, { cookie: admin })
    ).json();
    expect(second.events).toHaveLength(1);
    expect(second.next).toBeNull();
    const ids = [...first.events, ...second.events].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(3);

    const record = second.events[0].entityId;
    const one = (await t.call("GET", `/api/audit?entityId=${record}`, { cookie: admin })).json();
    expect(one.events.map((e: { entityId: string }) => e.entityId)).toEqual([record]);

    const future = (await t.call("GET", "/api/audit?from=2199-01-01", { cookie: admin })).json();
    expect(future.events).toEqual([]);
  });

  it("is for admins only and never shows another trust's rows", async () => {
    expect(
      (await t.call("GET", "/api/audit", { cookie: await t.login(world.users.studentAdmin.email) })).statusCode,
    ).toBe(403);
    const all = (await t.call("GET", "/api/audit?limit=500", { cookie: admin })).json();
    expect(JSON.stringify(all)).not.toContain(world.users.fonnaAdmin.id);
  });

  it("cannot be changed, not even by a stray query", async () => {
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/audit_events is insert-only/) },
    });
  });
});
