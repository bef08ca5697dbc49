import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { sessions } from "../../src/server/modules/auth/auth.table.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

const clock = createTestClock();
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { LOGIN_RATE_LIMIT: "5" } });
  world = await seedWorld(t.database.db);
});
afterAll(() => t.close());

describe("health", () => {
  it("answers ok with the database in use", async () => {
    const res = await t.call("GET", "/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: testDbKind });
  });
});

describe("sign-in", () => {
  it("opens a session with an HttpOnly, SameSite=Lax cookie and answers with the person and memberships", async () => {
    const res = await t.call("POST", "/api/auth/login", {
      body: { email: "Koord.UIB@bergen.test ", password: "riktig-passord-123" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "pt_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const me = res.json();
    expect(me.user.email).toBe("koord.uib@bergen.test");
    expect(me.roles).toEqual(["coordinator"]);
    expect(me.memberships).toEqual([
      expect.objectContaining({ role: "coordinator", trustName: "Helse Bergen", institutionShortName: "UiB" }),
    ]);
  });

  it("stores only a hash of the session token", async () => {
    const res = await t.call("POST", "/api/auth/login", {
      body: { email: "ikt@bergen.test", password: "riktig-passord-123" },
    });
    const token = res.cookies.find((c) => c.name === "pt_session")?.value as string;
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, world.users.itProvider.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it("refuses a wrong password and an unknown e-mail with the same clear message", async () => {
    const wrong = await t.call("POST", "/api/auth/login", { body: { email: "ehelse@bergen.test", password: "feil" } });
    const unknown = await t.call("POST", "/api/auth/login", { body: { email: "ingen@bergen.test", password: "feil" } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: "auth.invalid_credentials",
      message: "The e-mail address or password is wrong.",
    });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it("rejects a malformed body with validation details", async () => {
    const res = await t.call("POST", "/api/auth/login", { body: { email: "" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("validation.failed");
  });

  it("holds repeated failures for one e-mail back for a step, even the right password (more in auth-throttling)", async () => {
    const email = "admin@fonna.test";
    for (let i = 0; i < 5; i++) {
      const res = await t.call("POST", "/api/auth/login", { body: { email, password: `gjetting-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const limited = await t.call("POST", "/api/auth/login", { body: { email, password: "riktig-passord-123" } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("1");
    expect(limited.json().code).toBe("auth.rate_limited");
    clock.advance(1000);
    const later = await t.call("POST", "/api/auth/login", { body: { email, password: "riktig-passord-123" } });
    expect(later.statusCode).toBe(200);
  });

  it("answers 401 to anonymous requests", async () => {
    for (const url of ["/api/auth/me", "/api/institutions", "/api/users", "/api/dashboard"]) {
      const res = await t.call("GET", url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe("auth.unauthenticated");
    }
  });

  it("writes a row to the audit trail for each sign-in and sign-out", async () => {
    const cookie = await t.login("ehelse@bergen.test");
    await t.call("POST", "/api/auth/logout", { cookie });
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, world.users.ehealth.id));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["sign_in", "sign_out"]));
  });
});

describe("sessions", () => {
  it("ends at sign-out", async () => {
    const cookie = await t.login("koord.hvl@bergen.test");
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(200);
    const out = await t.call("POST", "/api/auth/logout", { cookie });
    expect(out.statusCode).toBe(200);
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(401);
  });

  it("answers the web app's session probe with the person, or 200 and null when nobody is signed in", async () => {
    const anonymous = await t.call("GET", "/api/auth/session");
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    expect(anonymous.json()).toEqual({ me: null });
    expect((await t.call("GET", "/api/auth/session", { cookie: "pt_session=not-a-session" })).json()).toEqual({
      me: null,
    });

    const cookie = await t.login("koord.hvl@bergen.test");
    const signedIn = await t.call("GET", "/api/auth/session", { cookie });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me).toEqual((await t.call("GET", "/api/auth/me", { cookie })).json());

    clock.advance(31 * 60_000);
    expect((await t.call("GET", "/api/auth/session", { cookie })).json()).toEqual({ me: null });
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(401);
  });

  it("ends after 30 idle minutes and keeps going while used", async () => {
    const cookie = await t.login("koord.hvl@bergen.test");
    for (let i = 0; i < 3; i++) {
      clock.advance(25 * 60_000);
      expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(200);
    }
    clock.advance(31 * 60_000);
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(401);
  });

  it("ends 12 hours after sign-in however active", async () => {
    const cookie = await t.login("koord.hvl@bergen.test");
    for (let i = 0; i < 28; i++) {
      clock.advance(25 * 60_000);
      expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(200);
    }
    clock.advance(25 * 60_000);
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(401);
  });

  it("writes last-seen at most once a minute", async () => {
    const cookie = await t.login("fou@bergen.test");
    const lastSeen = async () =>
      (await t.database.db.select().from(sessions).where(eq(sessions.userId, world.users.studentAdmin.id)))
        .map((s) => s.lastSeenAt.getTime())
        .sort()
        .at(-1);
    const first = await lastSeen();
    clock.advance(30_000);
    await t.call("GET", "/api/auth/me", { cookie });
    expect(await lastSeen()).toBe(first);
    clock.advance(31_000);
    await t.call("GET", "/api/auth/me", { cookie });
    expect(await lastSeen()).toBe(clock.now().getTime());
  });

  it("ends every session of a person who is deactivated", async () => {
    const cookie = await t.login("koord.uib@bergen.test");
    const admin = await t.login("admin@bergen.test");
    const res = await t.call("PATCH", `/api/users/${world.users.coordinatorUib.id}`, {
      cookie: admin,
      body: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await t.call("GET", "/api/auth/me", { cookie })).statusCode).toBe(401);
    const again = await t.call("POST", "/api/auth/login", {
      body: { email: "koord.uib@bergen.test", password: "riktig-passord-123" },
    });
    expect(again.statusCode).toBe(401);
    await t.call("PATCH", `/api/users/${world.users.coordinatorUib.id}`, { cookie: admin, body: { active: true } });
    expect(
      (
        await t.call("POST", "/api/auth/login", {
          body: { email: "koord.uib@bergen.test", password: "riktig-passord-123" },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses state changes from another site's origin", async () => {
    const cookie = await t.login("admin@bergen.test");
    const evil = await t.call("POST", "/api/placement-sites", {
      cookie,
      body: { name: "Falsk post" },
      headers: { origin: "https://evil.example" },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe("auth.bad_origin");
    const own = await t.call("POST", "/api/placement-sites", {
      cookie,
      body: { name: "Ekte post" },
      headers: { origin: "http://praksistilgang.test" },
    });
    expect(own.statusCode).toBe(201);
  });
});

describe("several trusts", () => {
  it("lists every membership and switches the active trust", async () => {
    const cookie = await t.login("begge@test.no");
    const me = (await t.call("GET", "/api/auth/me", { cookie })).json();
    expect(me.memberships.map((m: { trustName: string; role: string }) => `${m.trustName}:${m.role}`).sort()).toEqual([
      "Helse Bergen:student_admin",
      "Helse Fonna:admin",
    ]);
    expect(me.activeTrust.name).toBe("Helse Bergen");
    expect((await t.call("GET", "/api/users", { cookie })).statusCode).toBe(403);

    const switched = await t.call("POST", "/api/auth/trust", { cookie, body: { trustId: world.trusts.fonna.id } });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().activeTrust.name).toBe("Helse Fonna");
    expect(switched.json().roles).toEqual(["admin"]);
    const users = await t.call("GET", "/api/users", { cookie });
    expect(users.statusCode).toBe(200);
    expect(users.json().map((u: { email: string }) => u.email)).not.toContain("admin@bergen.test");
  });

  it("does not switch to a trust the person has no role at", async () => {
    const cookie = await t.login("koord.hvl@bergen.test");
    const res = await t.call("POST", "/api/auth/trust", { cookie, body: { trustId: world.trusts.fonna.id } });
    expect(res.statusCode).toBe(404);
  });

  it("remembers the person's choice of language", async () => {
    const cookie = await t.login("koord.hvl@bergen.test");
    const res = await t.call("PATCH", "/api/auth/me", { cookie, body: { language: "nn" } });
    expect(res.json().user.language).toBe("nn");
    const fresh = await t.login("koord.hvl@bergen.test");
    expect((await t.call("GET", "/api/auth/me", { cookie: fresh })).json().user.language).toBe("nn");
  });
});

describe("behind HTTPS", () => {
  it("marks the session cookie Secure", async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: "https://praksis.helse-vest.test" } });
    try {
      await seedWorld(https.database.db);
      const res = await https.call("POST", "/api/auth/login", {
        body: { email: "fou@bergen.test", password: "riktig-passord-123" },
      });
      expect(res.cookies.find((c) => c.name === "pt_session")?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });
});
