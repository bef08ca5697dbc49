import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** The accessibility statement's contact: a trust setting, published without signing in. */
let t: TestApp;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  for (const key of ["admin", "fonnaAdmin", "studentAdmin", "coordinatorUib"] as const) {
    cookies[key] = await t.login(world.users[key].email);
  }
});
afterAll(() => t.close());

const contacts = async (cookie?: string) => {
  const res = await t.call("GET", "/api/public/accessibility-contacts", { cookie });
  expect(res.statusCode).toBe(200);
  return res.json() as { trustId: string; trustName: string; contact: string }[];
};

describe("accessibility contact", () => {
  it("is empty until a trust sets one; anyone may read the contacts, signed in or not", async () => {
    expect(await contacts()).toEqual([]);
    const settings = await t.call("GET", "/api/trust/settings", { cookie: cookies.admin });
    expect(settings.json()).toMatchObject({ accessibilityContact: null });
  });

  it("takes an e-mail address or a web address, refuses anything else by its field, and audits the change", async () => {
    for (const accessibilityContact of [
      "ikke en adresse",
      "javascript:alert(1)",
      "mailto:uu@helse-bergen.test",
      `${testNationalId()}@helse-bergen.test`,
      `https://helse-bergen.test/${"a".repeat(500)}`,
    ]) {
      const res = await t.call("PATCH", "/api/trust/settings", {
        cookie: cookies.admin,
        body: { accessibilityContact },
      });
      expect(res.statusCode, accessibilityContact).toBe(400);
      expect(res.json().code).toBe("validation.failed");
      expect(JSON.stringify(res.json().details)).toContain("accessibilityContact");
    }

    const email = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.admin,
      body: { accessibilityContact: " UU@Helse-Bergen.test " },
    });
    expect(email.statusCode).toBe(200);
    expect(email.json()).toMatchObject({ accessibilityContact: "uu@helse-bergen.test" });
    const rows = await auditRows(t, world.trusts.bergen.id);
    expect(rows.at(-1)).toMatchObject({ entity: "trust", action: "update", fields: ["accessibility_contact"] });

    const url = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.fonnaAdmin,
      body: { accessibilityContact: "https://helse-fonna.test/tilgjengelighet" },
    });
    expect(url.statusCode).toBe(200);

    // Public, by trust name; each trust's own contact, nothing else of its settings.
    const anonymous = await contacts();
    expect(anonymous).toEqual([
      { trustId: world.trusts.bergen.id, trustName: "Helse Bergen", contact: "uu@helse-bergen.test" },
      { trustId: world.trusts.fonna.id, trustName: "Helse Fonna", contact: "https://helse-fonna.test/tilgjengelighet" },
    ]);
    expect(await contacts(cookies.coordinatorUib)).toEqual(anonymous);
  });

  it("is cleared by an empty value and then no longer published", async () => {
    const res = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.fonnaAdmin,
      body: { accessibilityContact: "" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accessibilityContact: null });
    expect((await contacts()).map((c) => c.trustName)).toEqual(["Helse Bergen"]);
  });

  it("is changed only by the trust's admins", async () => {
    for (const cookie of [cookies.studentAdmin, cookies.coordinatorUib]) {
      const res = await t.call("PATCH", "/api/trust/settings", {
        cookie,
        body: { accessibilityContact: "meg@uib.test" },
      });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await t.call("PATCH", "/api/trust/settings", {
      body: { accessibilityContact: "meg@uib.test" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await contacts()).map((c) => c.contact)).toEqual(["uu@helse-bergen.test"]);
  });
});
