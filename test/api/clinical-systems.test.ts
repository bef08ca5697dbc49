import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFieldText } from "../../src/contracts/audit.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** The trust's clinical systems (issue 13): kept by admins, read by FOU, archived and never deleted. */
let t: TestApp;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  for (const key of ["admin", "studentAdmin", "coordinatorUib", "itProvider", "ehealth", "fonnaAdmin"] as const)
    cookies[key] = await t.login(world.users[key].email);
});
afterAll(() => t.close());

const create = (body: unknown, cookie = cookies.admin) => t.call("POST", "/api/clinical-systems", { cookie, body });
const patch = (id: string, body: unknown, cookie = cookies.admin) =>
  t.call("PATCH", `/api/clinical-systems/${id}`, { cookie, body });
const list = async (query = "", cookie = cookies.admin) => {
  const res = await t.call("GET", `/api/clinical-systems${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; name: string; roles: string[]; archived: boolean }[]; total: number };
};
const issuesOf = (body: { details?: { issues?: { path: string }[] } }) => body.details?.issues?.map((i) => i.path);

describe("clinical systems", () => {
  it("are created by an admin with their roles, audited with fields that have texts", async () => {
    const res = await create({ name: "  Metavision ", roles: ["Student sykepleie", "Student lege"] });
    expect(res.statusCode, res.body).toBe(201);
    const system = res.json();
    expect(system).toMatchObject({ name: "Metavision", roles: ["Student sykepleie", "Student lege"], archived: false });
    expect(system.usedBy).toEqual([]);
    const audit = await auditRows(t, system.id);
    expect(audit).toEqual([
      expect.objectContaining({ entity: "clinical_system", action: "create", actorId: world.users.admin.id }),
    ]);
    for (const field of audit.flatMap((a) => a.fields)) expect(auditFieldText(field), field).not.toBeNull();
  });

  it("refuse a name the trust has whatever its case, twice the same role, and no roles, naming the field", async () => {
    const taken = await create({ name: "dips arena", roles: ["Student"] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("clinical_systems.name_taken");
    expect(issuesOf(taken.json())).toEqual(["name"]);
    const twice = await create({ name: "Synergi", roles: ["Melder", "melder"] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details.issues).toEqual([{ path: "roles.1", message: "clinical_systems.duplicate_role" }]);
    const none = await create({ name: "Synergi", roles: [] });
    expect(none.statusCode).toBe(400);
    expect(issuesOf(none.json())).toEqual(["roles"]);
    const blank = await create({ name: " ", roles: ["Melder"] });
    expect(issuesOf(blank.json())).toEqual(["name"]);
  });

  it("are listed paged, searched by name or role, sorted and filtered by archive state", async () => {
    for (const name of ["PACS", "RIS", "Kurve"])
      expect((await create({ name, roles: [`${name} student`] })).statusCode).toBe(201);
    const page = await list("?limit=2&offset=0&sort=name");
    expect(page.total).toBe(5);
    expect(page.items.map((s) => s.name)).toEqual(["DIPS Arena", "Kurve"]);
    const next = await list("?limit=2&offset=2&sort=name");
    expect(next.items.map((s) => s.name)).toEqual(["Metavision", "PACS"]);
    expect((await list("?sort=name&dir=desc&limit=1")).items.map((s) => s.name)).toEqual(["RIS"]);
    expect((await list("?q=student%20lege")).items.map((s) => s.name)).toEqual(["DIPS Arena", "Metavision"]);
    expect((await list("?q=%25")).total).toBe(0);
    expect((await list("?status=archived")).total).toBe(0);
    const bad = await t.call("GET", "/api/clinical-systems?limit=0&status=gone", { cookie: cookies.admin });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.json())?.sort()).toEqual(["limit", "status"]);
  });

  it("keep the roles a current profile gives, and the systems it uses, until the profile changes", async () => {
    const dips = world.clinical.dips.id;
    const removing = await patch(dips, { roles: ["Student sykepleie"] });
    expect(removing.statusCode).toBe(409);
    expect(removing.json()).toMatchObject({
      code: "clinical_systems.role_in_use",
      details: { roles: "Student lege", professions: "Lege", issues: [{ path: "roles" }] },
    });
    const archiving = await patch(dips, { archived: true });
    expect(archiving.statusCode).toBe(409);
    expect(archiving.json()).toMatchObject({ code: "clinical_systems.in_use", details: { professions: "Lege" } });
    const adding = await patch(dips, { roles: ["Student lege", "Student sykepleie", "Student fysioterapi"] });
    expect(adding.statusCode, adding.body).toBe(200);
    expect(adding.json().usedBy).toEqual([
      { profileId: world.clinical.doctorProfile.profile.id, professionName: "Lege", role: "Student lege" },
    ]);
  });

  it("are renamed, archived and restored, each audited; an archived one leaves the active list", async () => {
    const kurve = (await list("?q=Kurve")).items[0] as { id: string };
    const renamed = await patch(kurve.id, { name: "Kurve og medikasjon" });
    expect(renamed.json().name).toBe("Kurve og medikasjon");
    expect((await patch(kurve.id, { name: "PACS" })).json().code).toBe("clinical_systems.name_taken");
    const archived = await patch(kurve.id, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expect((await list()).items.map((s) => s.id)).not.toContain(kurve.id);
    expect((await list("?status=archived")).items.map((s) => s.id)).toEqual([kurve.id]);
    expect((await list("?status=all")).total).toBe(5);
    expect((await patch(kurve.id, { archived: false })).json().archived).toBe(false);
    const actions = (await auditRows(t, kurve.id)).map((a) => `${a.action}:${a.fields.join(",")}`);
    expect(actions.sort()).toEqual(["archive:archived_at", "create:name,roles", "restore:archived_at", "update:name"]);
    const empty = await patch(kurve.id, {});
    expect(empty.statusCode).toBe(400);
  });

  it("have no delete: a DELETE is not a route", async () => {
    const res = await t.call("DELETE", `/api/clinical-systems/${world.clinical.dips.id}`, { cookie: cookies.admin });
    expect(res.statusCode).toBe(404);
    expect((await list("?q=DIPS")).total).toBe(1);
  });

  it("are read by FOU, kept only by admins, and hidden from coordinators, the IT provider and E-Helse", async () => {
    expect((await list("", cookies.studentAdmin)).total).toBe(5);
    expect((await create({ name: "Læringsportalen", roles: ["Student"] }, cookies.studentAdmin)).statusCode).toBe(403);
    expect((await patch(world.clinical.dips.id, { name: "X" }, cookies.studentAdmin)).statusCode).toBe(403);
    for (const key of ["coordinatorUib", "itProvider", "ehealth"]) {
      const res = await t.call("GET", "/api/clinical-systems", { cookie: cookies[key] });
      expect(res.statusCode, key).toBe(403);
    }
  });

  it("are the caller's trust's only: another trust's system is not found and not listed", async () => {
    const foreign = await patch(world.clinical.fonnaDips.id, { name: "Overtatt" });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("clinical_systems.not_found");
    const fonna = await list("", cookies.fonnaAdmin);
    expect(fonna.items.map((s) => s.id)).toEqual([world.clinical.fonnaDips.id]);
    expect(JSON.stringify(await list("?status=all"))).not.toContain(world.clinical.fonnaDips.id);
  });
});
