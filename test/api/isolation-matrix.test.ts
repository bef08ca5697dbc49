import { mkdirSync, writeFileSync } from "node:fs";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allows as policyAllows } from "../../src/contracts/policies.ts";
import type { Role } from "../../src/contracts/vocabulary.ts";
import { orderLines as orderLineTable } from "../../src/server/modules/orders/orders.table.ts";
import type { RouteEntry } from "../../src/server/plugins/route-table.ts";
import { type OrderLineWorld, seedOrderLineWorld } from "../helpers/order-builders.ts";
import { routeSamples } from "../helpers/route-samples.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

/**
 * SPEC §2 for every route the app has, read from its route table: anonymous → 401, a role the
 * route's policy does not allow → 403, another trust's or institution's thing → 404, and no answer that
 * holds another trust's or institution's data.
 */
let t: TestApp;
let world: World;
let orderLines: OrderLineWorld;
let samples: ReturnType<typeof routeSamples>;
const cookies: Record<string, string> = {};

/** The callers, each with the roles they hold at their active trust. */
const callers: { key: keyof World["users"]; label: string; roles: Role[]; trust: "own" | "other" }[] = [
  { key: "admin", label: "admin", roles: ["admin"], trust: "own" },
  { key: "studentAdmin", label: "student_admin", roles: ["student_admin"], trust: "own" },
  { key: "coordinatorUib", label: "coordinator UiB", roles: ["coordinator"], trust: "own" },
  { key: "itProvider", label: "it_provider", roles: ["it_provider"], trust: "own" },
  { key: "ehealth", label: "ehealth", roles: ["ehealth"], trust: "own" },
];

const matrix: string[][] = [];

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  orderLines = await seedOrderLineWorld(t.database.db, world);
  samples = routeSamples(world, orderLines);
  for (const c of callers) cookies[c.key] = await t.login(world.users[c.key].email);
});
afterAll(async () => {
  mkdirSync("test-results", { recursive: true });
  const header = ["route", "anonymous", ...callers.map((c) => c.label), "other trust's id", "other institution's id"];
  const table = [header, ...matrix].map((r) => `| ${r.join(" | ")} |`);
  table.splice(1, 0, `|${header.map(() => "---").join("|")}|`);
  writeFileSync(`test-results/isolation-matrix-${testDbKind}.md`, `${table.join("\n")}\n`);
  await t.close();
});

const resourceOf = (url: string) => url.split("/")[2] as string;
/** Whether `roles` may call the route: by the policy it declares (src/contracts/policies.ts). */
const allows = (route: RouteEntry, roles: Role[]) => {
  const access = route.access ?? "signed_in";
  if (access === "public" || access === "signed_in") return true;
  return policyAllows(roles, access);
};

function fill(route: RouteEntry, id: string) {
  return route.url.replace(":id", id) + (samples.queries[`${route.method} ${route.url}`] ?? "");
}

describe("isolation matrix", () => {
  it("covers every route as SPEC §2 says", async () => {
    const routes = t.app.routeTable().filter((r) => r.url.startsWith("/api/") && r.access !== "public");
    expect(routes.length).toBeGreaterThan(20);
    const problems: string[] = [];

    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const hasId = route.url.includes(":id");
      const resource = hasId ? samples.resources[resourceOf(route.url)] : undefined;
      if (hasId && !resource) {
        problems.push(`${name}: no sample ids for "${resourceOf(route.url)}" in test/helpers/route-samples.ts`);
        continue;
      }
      const takesBody = route.hasBody;
      const body = samples.bodies[name];
      if (takesBody && body === undefined) {
        problems.push(`${name}: no sample body in test/helpers/route-samples.ts`);
        continue;
      }
      const call = (cookie: string | undefined, id: string) =>
        t.call(route.method as "GET", fill(route, id), { cookie, body: takesBody ? body : undefined });
      const row = [name];

      const anonymous = await call(undefined, resource?.own ?? "");
      row.push(String(anonymous.statusCode));
      if (anonymous.statusCode !== 401) problems.push(`${name} anonymous: ${anonymous.statusCode}, expected 401`);

      for (const caller of callers) {
        const allowed = allows(route, caller.roles);
        const mutating = route.method !== "GET";
        if (!allowed) {
          const res = await call(cookies[caller.key], resource?.own ?? "");
          row.push(String(res.statusCode));
          if (res.statusCode !== 403) problems.push(`${name} as ${caller.label}: ${res.statusCode}, expected 403`);
          continue;
        }
        if (mutating && route.url !== "/api/auth/me") {
          row.push("allowed");
          continue;
        }
        const res = await call(cookies[caller.key], resource?.ownBy?.[caller.key] ?? resource?.own ?? "");
        row.push(String(res.statusCode));
        if (res.statusCode >= 300) problems.push(`${name} as ${caller.label}: ${res.statusCode} for its own data`);
        const leaked = [
          ...(samples.regional.includes(name) ? [] : samples.otherTrustMarkers),
          ...(caller.key === "coordinatorUib" ? samples.otherInstitutionMarkers : []),
        ].filter((marker) => res.body.includes(marker));
        if (leaked.length > 0) problems.push(`${name} as ${caller.label}: answer holds ${leaked.join(", ")}`);
      }

      if (resource) {
        const foreign = await Promise.all(
          callers
            .filter((c) => allows(route, c.roles))
            .map(async (c) => ({ c, res: await call(cookies[c.key], resource.foreign) })),
        );
        const statuses = new Set(foreign.map(({ res }) => res.statusCode));
        row.push([...statuses].join("/") || "–");
        for (const { c, res } of foreign) {
          if (res.statusCode !== 404)
            problems.push(`${name} as ${c.label} with another trust's id: ${res.statusCode}, expected 404`);
        }
        if (resource.otherInstitution && allows(route, ["coordinator"])) {
          const res = await call(cookies.coordinatorUib, resource.otherInstitution);
          row.push(String(res.statusCode));
          if (res.statusCode !== 404)
            problems.push(`${name} as coordinator UiB with HVL's id: ${res.statusCode}, expected 404`);
        } else {
          row.push("–");
        }
      } else {
        row.push("–", "–");
      }
      matrix.push(row);
    }
    expect(problems).toEqual([]);
  });

  it("opens only the routes listed as public, and their lists to anonymous callers hold nobody's e-mail", async () => {
    const open = t.app
      .routeTable()
      .filter((r) => r.url.startsWith("/api/") && r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(
      open.sort(),
      "every public route is listed, with why, in publicRoutes (test/helpers/route-samples.ts)",
    ).toEqual(Object.keys(samples.publicRoutes).sort());
    const emails = Object.values(world.users).map((u) => u.email);
    for (const [name, route] of Object.entries(samples.publicRoutes)) {
      if (!route.read) continue;
      const res = await t.call("GET", name.replace(/^GET /, ""));
      expect(res.statusCode, name).toBe(200);
      expect(
        emails.filter((e) => res.body.includes(e)),
        name,
      ).toEqual([]);
    }
  });

  it("lets an IT provider serving two trusts reach both trusts' lines, and not a third's (ADR 0007)", async () => {
    const cookie = await t.login(orderLines.regionalProvider.email);
    const queue = await t.call("GET", "/api/order-lines?limit=200", { cookie });
    expect(queue.statusCode).toBe(200);
    const listed = (queue.json() as { items: { id: string }[] }).items.map((l) => l.id);
    expect(listed).toEqual(expect.arrayContaining([orderLines.lines.bergen, orderLines.lines.fonna]));
    expect(queue.body).not.toContain(orderLines.lines.forde);
    const third = await t.call("GET", `/api/order-lines?trustId=${orderLines.forde.trust.id}`, { cookie });
    expect(third.json()).toEqual({ items: [], total: 0 });
    const forde = await t.call("POST", "/api/order-lines/approve", {
      cookie,
      body: { lineIds: [orderLines.lines.forde] },
    });
    expect(forde.statusCode).toBe(404);
    for (const id of [orderLines.lines.bergen, orderLines.lines.fonna]) {
      const res = await t.call("POST", "/api/order-lines/approve", { cookie, body: { lineIds: [id] } });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Helse Førde's own FOU sees its line; nobody serving Bergen and Fonna does.
    const fou = await t.login(orderLines.forde.fou.email);
    const own = await t.call("GET", "/api/order-lines?state=all", { cookie: fou });
    expect(own.body).toContain(orderLines.lines.forde);
  });

  it("lets FOU extend only its trust's rows, and the IT provider list and mark extensions of the trusts it serves", async () => {
    const fou = await t.login(world.users.studentAdmin.email);
    const foreign = await t.call("POST", "/api/rows/extend", {
      cookie: fou,
      body: { rowIds: [world.overviews.fonna.row.id], endDate: "2027-04-20" },
    });
    expect(foreign.statusCode).toBe(404);
    const { db } = t.database;
    const all = [orderLines.lines.bergen, orderLines.lines.fonna, orderLines.lines.forde];
    await db
      .update(orderLineTable)
      .set({ state: "extended", extendedFrom: "2027-04-01" })
      .where(inArray(orderLineTable.id, all));
    const cookie = await t.login(orderLines.regionalProvider.email);
    const list = await t.call("GET", "/api/extensions?limit=200", { cookie });
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { items: { lineId: string }[] }).items.map((l) => l.lineId);
    expect(listed).toEqual(expect.arrayContaining([orderLines.lines.bergen, orderLines.lines.fonna]));
    expect(list.body).not.toContain(orderLines.lines.forde);
    const file = await t.call("GET", "/api/extensions?format=csv", { cookie });
    expect(file.body).not.toContain(orderLines.lines.forde);
    const forde = await t.call("POST", "/api/extensions/mark", { cookie, body: { lineIds: [orderLines.lines.forde] } });
    expect(forde.statusCode).toBe(404);
    const fonna = await t.call("POST", "/api/extensions/mark", { cookie, body: { lineIds: [orderLines.lines.fonna] } });
    expect(fonna.statusCode, fonna.body).toBe(200);
    // Helse Bergen's FOU sees Bergen's extension only.
    const own = await t.call("GET", "/api/extensions?state=extended", { cookie: fou });
    expect(own.body).toContain(orderLines.lines.bergen);
    expect(own.body).not.toContain(orderLines.lines.fonna);
    await db
      .update(orderLineTable)
      .set({ state: "ordered", extendedFrom: null })
      .where(inArray(orderLineTable.id, all));
  });

  it("answers 404 for another trust's things to a person of that trust's neighbour, whatever the role", async () => {
    const fonnaAdmin = await t.login(world.users.fonnaAdmin.email);
    /** Every PATCH of one thing by id, read from the route table: the routes this test is meant to cover. */
    const patchRoutes = t.app.routeTable().filter((r) => r.method === "PATCH" && /^\/api\/[^/]+\/:id$/.test(r.url));
    let visited = 0;
    for (const [resource, ids] of Object.entries(samples.resources)) {
      const route = t.app.routeTable().find((r) => r.method === "PATCH" && r.url === `/api/${resource}/:id`);
      if (!route) continue;
      visited++;
      const res = await t.call("PATCH", fill(route, ids.own), {
        cookie: fonnaAdmin,
        body: samples.bodies[`PATCH ${route.url}`],
      });
      // Helse Fonna's admin holds the admin role: where that role may call the route, the thing of
      // Helse Bergen must not exist for them (404); where it may not, the role is refused (403).
      const expected = allows(route, ["admin"]) ? 404 : 403;
      expect(res.statusCode, `${route.url} as Helse Fonna's admin`).toBe(expected);
    }
    expect(visited).toBeGreaterThan(0);
    expect(visited, `covered ${visited} of ${patchRoutes.map((r) => r.url).join(", ")}`).toBe(patchRoutes.length);
  });
  it("gives an IT provider serving two trusts both trusts' deactivation lists, and not a third's (ADR 0007)", async () => {
    const ids = [orderLines.lines.bergen, orderLines.lines.fonna, orderLines.lines.forde];
    await t.database.db
      .update(orderLineTable)
      .set({ state: "to_deactivate", deactivationReason: "removed", deactivateFrom: "2027-03-10" })
      .where(inArray(orderLineTable.id, ids));
    const cookie = await t.login(orderLines.regionalProvider.email);
    const list = await t.call("GET", "/api/deactivations?limit=200", { cookie });
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { items: { lineId: string }[] }).items.map((l) => l.lineId);
    expect(listed).toEqual(expect.arrayContaining([orderLines.lines.bergen, orderLines.lines.fonna]));
    expect(list.body).not.toContain(orderLines.lines.forde);
    const third = await t.call("GET", `/api/deactivations?trustId=${orderLines.forde.trust.id}`, { cookie });
    expect(third.json()).toEqual({ items: [], total: 0 });
    const forde = await t.call("POST", "/api/deactivations/mark", {
      cookie,
      body: { lineIds: [orderLines.lines.forde] },
    });
    expect(forde.statusCode).toBe(404);
    const both = await t.call("POST", "/api/deactivations/mark", {
      cookie,
      body: { lineIds: [orderLines.lines.bergen, orderLines.lines.fonna] },
    });
    expect(both.statusCode, both.body).toBe(200);
    // Helse Bergen's FOU sees Bergen's line only.
    const fou = await t.call("GET", "/api/deactivations?state=deactivated", { cookie: cookies.studentAdmin });
    expect(fou.body).toContain(orderLines.lines.bergen);
    expect(fou.body).not.toContain(orderLines.lines.fonna);
  });
});
