import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdminCommand } from "../../src/server/cli/admin-commands.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  for (const [key, user] of Object.entries(world.users)) cookies[key] = await t.login(user.email);
});
afterAll(() => t.close());

describe("users and memberships", () => {
  it("lets an admin create a coordinator who can then sign in, with audit rows and no password in them", async () => {
    const res = await t.call("POST", "/api/users", {
      cookie: cookies.admin,
      body: {
        name: "Siri Aasen",
        email: "Siri.Aasen@hvl.test",
        password: "et-langt-passord",
        membership: { role: "coordinator", institutionId: world.institutions.hvl.id },
      },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: "siri.aasen@hvl.test", active: true, hasPassword: true });
    expect(user.memberships).toEqual([expect.objectContaining({ role: "coordinator", institutionShortName: "HVL" })]);
    expect(JSON.stringify(user)).not.toContain("argon2");

    const cookie = await t.login("siri.aasen@hvl.test", "et-langt-passord");
    const institutions = await t.call("GET", "/api/institutions", { cookie });
    expect(institutions.json().map((i: { shortName: string }) => i.shortName)).toEqual(["HVL"]);

    const rows = await auditRows(t, user.id);
    expect(rows).toEqual([
      expect.objectContaining({
        entity: "user",
        action: "create",
        fields: ["email", "name", "password"],
        actorId: world.users.admin.id,
      }),
      expect.objectContaining({ entity: "user", action: "sign_in", actorId: user.id }),
    ]);
    expect(JSON.stringify(rows)).not.toContain("et-langt-passord");
  });

  it("refuses a coordinator without an institution, and an institution the trust has no agreement with", async () => {
    const without = await t.call("POST", "/api/users", {
      cookie: cookies.admin,
      body: { name: "Uten Institusjon", email: "uten@test.no", membership: { role: "coordinator" } },
    });
    expect(without.statusCode).toBe(400);
    expect(without.json().code).toBe("validation.failed");
    const foreign = await t.call("POST", "/api/users", {
      cookie: cookies.admin,
      body: {
        name: "Feil Sted",
        email: "feil@test.no",
        membership: { role: "coordinator", institutionId: world.institutions.fsv.id },
      },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe("memberships.no_agreement");
  });

  it("gives and takes memberships, but not a person's last one", async () => {
    const id = world.users.itProvider.id;
    const added = await t.call("POST", `/api/users/${id}/memberships`, {
      cookie: cookies.admin,
      body: { role: "ehealth" },
    });
    expect(added.statusCode).toBe(201);
    expect(
      added
        .json()
        .memberships.map((m: { role: string }) => m.role)
        .sort(),
    ).toEqual(["ehealth", "it_provider"]);
    const twice = await t.call("POST", `/api/users/${id}/memberships`, {
      cookie: cookies.admin,
      body: { role: "ehealth" },
    });
    expect(twice.statusCode).toBe(409);

    const cookie = await t.login("ikt@bergen.test");
    expect((await t.call("GET", "/api/auth/me", { cookie })).json().roles.sort()).toEqual(["ehealth", "it_provider"]);

    const ehealth = added.json().memberships.find((m: { role: string }) => m.role === "ehealth");
    const removed = await t.call("DELETE", `/api/memberships/${ehealth.id}`, { cookie: cookies.admin });
    expect(removed.statusCode).toBe(200);
    const last = removed.json().memberships[0];
    const refused = await t.call("DELETE", `/api/memberships/${last.id}`, { cookie: cookies.admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("memberships.last");
  });

  it("keeps users of one trust out of reach of another trust's admin", async () => {
    const list = await t.call("GET", "/api/users", { cookie: cookies.fonnaAdmin });
    expect(
      list
        .json()
        .map((u: { email: string }) => u.email)
        .sort(),
    ).toEqual(["admin@fonna.test", "begge@test.no", "koord@fonna.test"]);
    const patch = await t.call("PATCH", `/api/users/${world.users.coordinatorUib.id}`, {
      cookie: cookies.fonnaAdmin,
      body: { active: false },
    });
    expect(patch.statusCode).toBe(404);
    const [bergenMembership] = (await t.call("GET", "/api/users", { cookie: cookies.admin })).json()[0].memberships;
    expect(
      (await t.call("DELETE", `/api/memberships/${bergenMembership.id}`, { cookie: cookies.fonnaAdmin })).statusCode,
    ).toBe(404);
  });

  it("answers 403 to everybody but admins", async () => {
    for (const who of ["studentAdmin", "coordinatorUib", "itProvider", "ehealth"]) {
      expect((await t.call("GET", "/api/users", { cookie: cookies[who] })).statusCode, who).toBe(403);
    }
  });

  it("does not let admins deactivate themselves", async () => {
    const res = await t.call("PATCH", `/api/users/${world.users.admin.id}`, {
      cookie: cookies.admin,
      body: { active: false },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe("professions, programmes and placement sites", () => {
  it("lets an admin keep the catalog, with audit rows", async () => {
    const profession = await t.call("POST", "/api/professions", { cookie: cookies.admin, body: { name: "Radiograf" } });
    expect(profession.statusCode).toBe(201);
    const programme = await t.call("POST", "/api/programmes", {
      cookie: cookies.admin,
      body: { name: "Radiografi", institutionId: world.institutions.hvl.id, professionId: profession.json().id },
    });
    expect(programme.statusCode).toBe(201);
    expect(programme.json()).toMatchObject({
      name: "Radiografi",
      institutionShortName: "HVL",
      professionName: "Radiograf",
    });

    const inUse = await t.call("DELETE", `/api/professions/${profession.json().id}`, { cookie: cookies.admin });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe("catalog.in_use");

    const renamed = await t.call("PATCH", `/api/programmes/${programme.json().id}`, {
      cookie: cookies.admin,
      body: {
        name: "Radiografi (bachelor)",
        institutionId: world.institutions.hvl.id,
        professionId: profession.json().id,
      },
    });
    expect(renamed.json().name).toBe("Radiografi (bachelor)");
    const rows = await auditRows(t, programme.json().id);
    expect(rows.map((r) => [r.action, r.fields, r.institutionId])).toEqual([
      ["create", ["name", "institution_id", "profession_id"], world.institutions.hvl.id],
      ["update", ["name"], world.institutions.hvl.id],
    ]);

    const site = await t.call("POST", "/api/placement-sites", {
      cookie: cookies.admin,
      body: { name: "Kvinneklinikken", department: "Kvinneklinikken" },
    });
    expect(site.statusCode).toBe(201);
    const dup = await t.call("POST", "/api/placement-sites", {
      cookie: cookies.admin,
      body: { name: "Kvinneklinikken" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("catalog.name_taken");
    expect(
      (await t.call("DELETE", `/api/placement-sites/${site.json().id}`, { cookie: cookies.admin })).statusCode,
    ).toBe(200);
    expect((await auditRows(t, site.json().id)).map((r) => r.action)).toEqual(["create", "delete"]);
  });

  it("shows a coordinator only their own institution's programmes", async () => {
    const res = await t.call("GET", "/api/programmes", { cookie: cookies.coordinatorUib });
    expect(
      res.json().map((p: { name: string; institutionShortName: string }) => `${p.institutionShortName} ${p.name}`),
    ).toEqual(["UiB Medisin"]);
    const sites = await t.call("GET", "/api/placement-sites", { cookie: cookies.coordinatorUib });
    expect(sites.json().map((s: { name: string }) => s.name)).toEqual(["Medisinsk avdeling, post 3"]);
  });

  it("answers 404 for another trust's catalog entries and 403 to non-admins", async () => {
    const fonnaSite = world.catalog.fonnaSite.id;
    expect((await t.call("DELETE", `/api/placement-sites/${fonnaSite}`, { cookie: cookies.admin })).statusCode).toBe(
      404,
    );
    const fonnaProgramme = world.catalog.fonnaNursing.id;
    const patch = await t.call("PATCH", `/api/programmes/${fonnaProgramme}`, {
      cookie: cookies.admin,
      body: { name: "X", institutionId: world.institutions.hvl.id, professionId: world.catalog.nurse.id },
    });
    expect(patch.statusCode).toBe(404);
    const byCoordinator = await t.call("POST", "/api/placement-sites", {
      cookie: cookies.coordinatorUib,
      body: { name: "Ny post" },
    });
    expect(byCoordinator.statusCode).toBe(403);
  });
});

describe("trust settings", () => {
  it("lets an admin change the settings, validates links, and audits the field names", async () => {
    const before = await t.call("GET", "/api/trust/settings", { cookie: cookies.admin });
    expect(before.json()).toMatchObject({
      name: "Helse Bergen",
      testMode: true,
      deadlineDays: 28,
      defaultLanguage: "nb",
    });
    const bad = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.admin,
      body: { itHelpUrl: "javascript:alert(1)" },
    });
    expect(bad.statusCode).toBe(400);
    const res = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.admin,
      body: { defaultLanguage: "nn", deadlineDays: 35, itHelpUrl: "https://www.helse-bergen.no/it-hjelp" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      defaultLanguage: "nn",
      deadlineDays: 35,
      itHelpUrl: "https://www.helse-bergen.no/it-hjelp",
    });
    const me = await t.call("GET", "/api/auth/me", { cookie: cookies.coordinatorUib });
    expect(me.json().activeTrust.defaultLanguage).toBe("nn");
    for (const deadlineDays of [500, -1]) {
      const out = await t.call("PATCH", "/api/trust/settings", { cookie: cookies.admin, body: { deadlineDays } });
      expect(out.statusCode, `deadlineDays ${deadlineDays}`).toBe(400);
    }
    const after = await t.call("GET", "/api/trust/settings", { cookie: cookies.admin });
    expect(after.json()).toMatchObject({ deadlineDays: 35 });
    const rows = await auditRows(t, world.trusts.bergen.id);
    expect(rows.at(-1)?.fields.sort()).toEqual(["deadline_days", "default_language", "it_help_url"]);
    expect((await t.call("GET", "/api/trust/settings", { cookie: cookies.studentAdmin })).statusCode).toBe(403);
  });
});

describe("trusts (system administrators)", () => {
  it("lets a system administrator create a trust with its first admin; nobody else", async () => {
    const body = { name: "Helse Førde", firstAdmin: { name: "Jorunn Fure", email: "jorunn.fure@helse-forde.test" } };
    expect((await t.call("POST", "/api/trusts", { cookie: cookies.admin, body })).statusCode).toBe(403);

    await runAdminCommand(t.database.db, "system-admin", { email: "admin@bergen.test" });
    const res = await t.call("POST", "/api/trusts", { cookie: cookies.admin, body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Helse Førde", testMode: false, deadlineDays: 28 });
    const again = await t.call("POST", "/api/trusts", { cookie: cookies.admin, body });
    expect(again.statusCode).toBe(409);
    const trusts = await t.call("GET", "/api/trusts", { cookie: cookies.admin });
    expect(trusts.json().map((x: { name: string }) => x.name)).toEqual(["Helse Bergen", "Helse Fonna", "Helse Førde"]);
  });
});
