import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const shortNames = (body: { shortName: string }[]) => body.map((i) => i.shortName);

describe("GET /api/institutions", () => {
  it("shows a coordinator only their own institution", async () => {
    const res = await t.call("GET", "/api/institutions", { cookie: cookies.coordinatorUib });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: world.institutions.uib.id, name: "Universitetet i Bergen", shortName: "UiB" }]);
  });

  it("shows the trust's staff every institution the trust has an agreement with, and nothing of another trust", async () => {
    for (const who of ["admin", "studentAdmin", "itProvider", "ehealth"]) {
      const res = await t.call("GET", "/api/institutions", { cookie: cookies[who] });
      expect(res.statusCode, who).toBe(200);
      expect(shortNames(res.json()), who).toEqual(["HVL", "UiB"]);
    }
    const fonna = await t.call("GET", "/api/institutions", { cookie: cookies.fonnaCoordinator });
    expect(shortNames(fonna.json())).toEqual(["FSV"]);
  });
});

describe("agreements and FOU contacts", () => {
  it("lets an admin make an agreement and name the main and deputy contact, with audit rows", async () => {
    const created = await t.call("POST", "/api/institutions", {
      cookie: cookies.admin,
      body: { name: "VID vitenskapelige høgskole", shortName: "VID" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().shortName).toBe("VID");
    const vid = created.json().id;
    const sameShortName = await t.call("POST", "/api/institutions", {
      cookie: cookies.admin,
      body: { name: "Vid høgskole", shortName: "vid" },
    });
    expect(sameShortName.statusCode).toBe(409);
    expect(sameShortName.json().code).toBe("institutions.name_taken");

    const agreement = await t.call("POST", "/api/agreements", {
      cookie: cookies.admin,
      body: { institutionId: vid, mainContactId: world.users.studentAdmin.id },
    });
    expect(agreement.statusCode).toBe(201);
    expect(agreement.json().mainContact).toEqual({
      id: world.users.studentAdmin.id,
      name: "Marit Solberg",
      email: "fou@bergen.test",
    });
    const again = await t.call("POST", "/api/agreements", { cookie: cookies.admin, body: { institutionId: vid } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("agreements.exists");

    const updated = await t.call("PATCH", `/api/agreements/${agreement.json().id}`, {
      cookie: cookies.admin,
      body: { mainContactId: world.users.studentAdmin.id, deputyContactId: world.users.both.id },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().deputyContact.name).toBe("Anne Lie");

    const rows = await auditRows(t, agreement.json().id);
    expect(rows.map((r) => [r.action, r.fields])).toEqual([
      ["create", ["institution_id", "main_contact_id", "deputy_contact_id"]],
      ["update", ["deputy_contact_id"]],
    ]);
    expect(rows[0]?.actorId).toBe(world.users.admin.id);

    const list = await t.call("GET", "/api/agreements", { cookie: cookies.studentAdmin });
    expect(list.json().map((a: { institution: { shortName: string } }) => a.institution.shortName)).toEqual([
      "HVL",
      "UiB",
      "VID",
    ]);
    const coordinatorSees = await t.call("GET", "/api/institutions", { cookie: cookies.coordinatorHvl });
    expect(shortNames(coordinatorSees.json())).toEqual(["HVL"]);
  });

  it("refuses a contact who is not a student administrator at the trust", async () => {
    const [agreement] = (await t.call("GET", "/api/agreements", { cookie: cookies.admin })).json();
    const res = await t.call("PATCH", `/api/agreements/${agreement.id}`, {
      cookie: cookies.admin,
      body: { mainContactId: world.users.coordinatorUib.id, deputyContactId: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("agreements.contact_not_student_admin");
  });

  it("keeps an agreement that coordinators or programmes still use", async () => {
    const agreements = (await t.call("GET", "/api/agreements", { cookie: cookies.admin })).json();
    const uib = agreements.find((a: { institution: { shortName: string } }) => a.institution.shortName === "UiB");
    const res = await t.call("DELETE", `/api/agreements/${uib.id}`, { cookie: cookies.admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("agreements.in_use");
  });

  it("answers 403 to other roles and 404 for another trust's agreement", async () => {
    const [agreement] = (await t.call("GET", "/api/agreements", { cookie: cookies.admin })).json();
    for (const who of ["studentAdmin", "coordinatorUib", "itProvider", "ehealth"]) {
      const res = await t.call("PATCH", `/api/agreements/${agreement.id}`, {
        cookie: cookies[who],
        body: { mainContactId: null, deputyContactId: null },
      });
      expect(res.statusCode, who).toBe(403);
    }
    const own = await t.call("GET", "/api/agreements", { cookie: cookies.coordinatorUib });
    expect(own.json().map((a: { institution: { shortName: string } }) => a.institution.shortName)).toEqual(["UiB"]);
    expect(own.json()[0].mainContact.name).toBe("Marit Solberg");
    const other = await t.call("PATCH", `/api/agreements/${agreement.id}`, {
      cookie: cookies.fonnaAdmin,
      body: { mainContactId: null, deputyContactId: null },
    });
    expect(other.statusCode).toBe(404);
  });
});
