import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** Issue 7, part 6: no `/api` answer is kept in a cache, and state changes come only from the app's own origins. */
let t: TestApp;
let world: World;
let admin: string;

const devOrigin = "http://localhost:5173";

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: "https://praksis.helse-vest.test", DEV_ORIGINS: ` ${devOrigin}/ ` } });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
});
afterAll(() => t.close());

describe("Cache-Control", () => {
  it("is no-store on answers with personal data, errors and unknown /api paths", async () => {
    for (const url of ["/api/users", "/api/auth/me", "/api/notifications", "/api/account-requests"]) {
      const res = await t.call("GET", url, { cookie: admin });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    const users = await t.call("GET", "/api/users", { cookie: admin });
    expect(users.body).toContain(world.users.coordinatorHvl.email);

    const anonymous = await t.call("GET", "/api/users");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    const unknown = await t.call("GET", "/api/nothing-here", { cookie: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["cache-control"]).toBe("no-store");
    const invalid = await t.call("POST", "/api/placement-sites", { cookie: admin, body: {} });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers["cache-control"]).toBe("no-store");
  });

  it("is only the default of /api: the web app's pages keep their own", async () => {
    const page = await t.call("GET", "/logg-inn");
    expect(page.headers["cache-control"]).not.toBe("no-store");
    const lookalike = await t.call("GET", "/apiary");
    expect(lookalike.headers["cache-control"]).not.toBe("no-store");
  });
});

describe("the Origin check", () => {
  const create = (origin: string | undefined, host?: string, name = `Post ${Math.random()}`) =>
    t.call("POST", "/api/placement-sites", {
      cookie: admin,
      body: { name },
      headers: { ...(origin ? { origin } : {}), ...(host ? { host } : {}) },
    });

  it("refuses an Origin that only matches a spoofed Host header", async () => {
    const res = await create("http://evil.example", "evil.example");
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("auth.bad_origin");
    expect(res.headers["cache-control"]).toBe("no-store");
    // The app's own host, but not PUBLIC_URL's scheme: another origin.
    expect((await create("http://praksis.helse-vest.test", "praksis.helse-vest.test")).statusCode).toBe(403);
    expect((await create("null")).statusCode).toBe(403);
  });

  it("accepts PUBLIC_URL's origin, a DEV_ORIGINS origin and requests without Origin", async () => {
    expect((await create("https://praksis.helse-vest.test")).statusCode).toBe(201);
    expect((await create(devOrigin, "localhost:5173")).statusCode).toBe(201);
    expect((await create(undefined)).statusCode).toBe(201);
    const crossSite = await t.call("POST", "/api/placement-sites", {
      cookie: admin,
      body: { name: "Fra et annet nettsted" },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it("refuses the Vite dev server's origin when DEV_ORIGINS does not name it", async () => {
    const plain = await createTestApp();
    try {
      await seedWorld(plain.database.db);
      const cookie = await plain.login(world.users.admin.email);
      const res = await plain.call("POST", "/api/placement-sites", {
        cookie,
        body: { name: "Fra Vite" },
        headers: { origin: devOrigin, host: "localhost:5173" },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("auth.bad_origin");
    } finally {
      await plain.close();
    }
  });
});
