import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFieldText } from "../../src/contracts/audit.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** Access profiles per profession (issue 13): versioned, archived, never deleted; kept by admins, read by FOU. */
let t: TestApp;
let world: World;
const cookies: Record<string, string> = {};
let metavision: string;
let nurseProfile: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  for (const key of ["admin", "studentAdmin", "coordinatorUib", "itProvider", "ehealth"] as const)
    cookies[key] = await t.login(world.users[key].email);
  const res = await t.call("POST", "/api/clinical-systems", {
    cookie: cookies.admin,
    body: { name: "Metavision", roles: ["Student intensiv", "Student anestesi"] },
  });
  metavision = res.json().id;
});
afterAll(() => t.close());

const create = (body: unknown, cookie = cookies.admin) => t.call("POST", "/api/access-profiles", { cookie, body });
const patch = (id: string, body: unknown, cookie = cookies.admin) =>
  t.call("PATCH", `/api/access-profiles/${id}`, { cookie, body });
const get = (id: string, cookie = cookies.admin) => t.call("GET", `/api/access-profiles/${id}`, { cookie });
const list = async (query = "", cookie = cookies.admin) => {
  const res = await t.call("GET", `/api/access-profiles${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; professionName: string; current: { version: number } }[]; total: number };
};
const issue = (body: { code: string; details?: { issues?: { path: string }[] } }) => ({
  code: body.code,
  path: body.details?.issues?.[0]?.path,
});

describe("access profiles", () => {
  it("are created for a profession with systems, roles and limits as version 1, audited", async () => {
    const res = await create({
      professionId: world.catalog.nurse.id,
      items: [
        { systemId: world.clinical.dips.id, role: "Student sykepleie" },
        { systemId: metavision, role: "Student intensiv" },
      ],
      limits: "Lesetilgang til egen post. Ingen forskrivning.",
    });
    expect(res.statusCode, res.body).toBe(201);
    const profile = res.json();
    nurseProfile = profile.id;
    expect(profile).toMatchObject({ professionName: "Sykepleier", archived: false });
    expect(profile.current).toMatchObject({
      version: 1,
      limits: "Lesetilgang til egen post. Ingen forskrivning.",
      createdBy: "Ingrid Haugland",
      items: [
        { systemName: "DIPS Arena", role: "Student sykepleie", systemArchived: false, roleRemoved: false },
        { systemName: "Metavision", role: "Student intensiv" },
      ],
    });
    expect(profile.versions).toHaveLength(1);
    const audit = await auditRows(t, profile.id);
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual(["access_profile:create"]);
    for (const field of audit.flatMap((a) => a.fields)) expect(auditFieldText(field), field).not.toBeNull();
  });

  it("refuse a second current profile for a profession, and systems, roles or professions that do not exist", async () => {
    const dips = world.clinical.dips.id;
    const cases: [unknown, string, string][] = [
      [
        { professionId: world.catalog.nurse.id, items: [{ systemId: dips, role: "Student sykepleie" }] },
        "access_profiles.profession_taken",
        "professionId",
      ],
      [
        { professionId: world.catalog.fonnaNurse.id, items: [{ systemId: dips, role: "Student sykepleie" }] },
        "access_profiles.unknown_profession",
        "professionId",
      ],
      [
        { professionId: world.catalog.doctor.id, items: [{ systemId: dips, role: "Student lege" }] },
        "access_profiles.profession_taken",
        "professionId",
      ],
    ];
    for (const [body, code, path] of cases) expect(issue((await create(body)).json())).toEqual({ code, path });

    const profession = (
      await t.call("POST", "/api/professions", { cookie: cookies.admin, body: { name: "Radiograf" } })
    ).json();
    const itemCases: [unknown[], string, string][] = [
      [
        [
          { systemId: dips, role: "Student sykepleie" },
          { systemId: world.clinical.fonnaDips.id, role: "Student sykepleie" },
        ],
        "access_profiles.unknown_system",
        "items.1.systemId",
      ],
      [[{ systemId: metavision, role: "Student radiografi" }], "access_profiles.unknown_role", "items.0.role"],
      [
        [
          { systemId: metavision, role: "Student intensiv" },
          { systemId: metavision, role: "Student anestesi" },
        ],
        "validation.failed",
        "items.1.systemId",
      ],
      [[], "validation.failed", "items"],
    ];
    for (const [items, code, path] of itemCases) {
      const res = await create({ professionId: profession.id, items });
      expect(res.statusCode, res.body).toBe(400);
      expect(issue(res.json())).toEqual({ code, path });
    }
    const pacs = (
      await t.call("POST", "/api/clinical-systems", {
        cookie: cookies.admin,
        body: { name: "PACS", roles: ["Student"] },
      })
    ).json();
    await t.call("PATCH", `/api/clinical-systems/${pacs.id}`, { cookie: cookies.admin, body: { archived: true } });
    const archived = await create({ professionId: profession.id, items: [{ systemId: pacs.id, role: "Student" }] });
    expect(archived.json()).toMatchObject({ code: "access_profiles.system_archived", details: { system: "PACS" } });
    expect((await list("?status=all")).total).toBe(2);
  });

  it("make a new version on each change and keep the old ones as they were", async () => {
    const changed = await patch(nurseProfile, {
      items: [{ systemId: world.clinical.dips.id, role: "Student sykepleie" }],
      note: "Metavision bare etter søknad",
      basedOnVersion: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const profile = changed.json();
    expect(profile.current).toMatchObject({ version: 2, note: "Metavision bare etter søknad" });
    expect(profile.current.items.map((i: { systemName: string }) => i.systemName)).toEqual(["DIPS Arena"]);
    expect(profile.current.limits).toBe("Lesetilgang til egen post. Ingen forskrivning.");
    expect(profile.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(profile.versions[1].items.map((i: { systemName: string }) => i.systemName)).toEqual([
      "DIPS Arena",
      "Metavision",
    ]);

    const same = await patch(nurseProfile, { limits: "Lesetilgang til egen post. Ingen forskrivning." });
    expect(same.json().current.version).toBe(2);
    const stale = await patch(nurseProfile, { limits: "Ny tekst", basedOnVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "access_profiles.version_conflict", details: { version: 2 } });
    const audit = (await auditRows(t, nurseProfile)).map((a) => `${a.action}:${a.fields.join(",")}`);
    expect(audit.sort()).toEqual(["create:profession_id,items,limits,version", "update:items,version,note"]);
  });

  it("keep a removed role and an archived system in the versions that had them", async () => {
    const removed = await t.call("PATCH", `/api/clinical-systems/${metavision}`, {
      cookie: cookies.admin,
      body: { roles: ["Student anestesi"] },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    await t.call("PATCH", `/api/clinical-systems/${metavision}`, { cookie: cookies.admin, body: { archived: true } });
    const profile = (await get(nurseProfile)).json();
    expect(profile.versions[1].items[1]).toMatchObject({
      systemName: "Metavision",
      role: "Student intensiv",
      roleRemoved: true,
      systemArchived: true,
    });
  });

  it("are listed paged, searched by profession or system, filtered by system and archive state", async () => {
    expect((await list()).items.map((p) => p.professionName)).toEqual(["Lege", "Sykepleier"]);
    expect((await list("?sort=version&dir=desc")).items.map((p) => p.current.version)).toEqual([2, 1]);
    const page = await list("?limit=1&offset=1");
    expect(page).toMatchObject({ total: 2, items: [{ professionName: "Sykepleier" }] });
    expect((await list("?q=syke")).items.map((p) => p.professionName)).toEqual(["Sykepleier"]);
    expect((await list("?q=dips")).total).toBe(2);
    expect((await list(`?systemId=${metavision}`)).total).toBe(0);
    expect((await list(`?professionId=${world.catalog.doctor.id}`)).items[0]?.id).toBe(
      world.clinical.doctorProfile.profile.id,
    );
  });

  it("are archived and restored; an archived one is not changed, and a restored one must be its profession's only", async () => {
    const archived = await patch(nurseProfile, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true, current: { version: 2 } });
    expect(issue((await patch(nurseProfile, { limits: "Endret" })).json())).toEqual({
      code: "access_profiles.archived",
      path: "archived",
    });
    const replacement = await create({
      professionId: world.catalog.nurse.id,
      items: [{ systemId: world.clinical.dips.id, role: "Student sykepleie" }],
    });
    expect(replacement.statusCode, replacement.body).toBe(201);
    expect(issue((await patch(nurseProfile, { archived: false })).json())).toEqual({
      code: "access_profiles.profession_taken",
      path: "archived",
    });
    expect((await list("?status=archived")).items.map((p) => p.id)).toEqual([nurseProfile]);
    expect((await list("?status=all")).total).toBe(3);
    expect((await get(nurseProfile)).statusCode).toBe(200);
    const actions = (await auditRows(t, nurseProfile)).map((a) => a.action);
    expect(actions).toContain("archive");
  });

  it("keep their profession from being deleted, archived or not, and have no delete themselves", async () => {
    const professions = (await t.call("GET", "/api/professions", { cookie: cookies.admin })).json();
    const radiographer = professions.find((p: { name: string }) => p.name === "Radiograf");
    const profile = await create({
      professionId: radiographer.id,
      items: [{ systemId: world.clinical.dips.id, role: "Student lege" }],
    });
    await patch(profile.json().id, { archived: true });
    const deleted = await t.call("DELETE", `/api/professions/${radiographer.id}`, { cookie: cookies.admin });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().code).toBe("catalog.in_use");
    const res = await t.call("DELETE", `/api/access-profiles/${nurseProfile}`, { cookie: cookies.admin });
    expect(res.statusCode).toBe(404);
    expect((await get(nurseProfile)).statusCode).toBe(200);
  });

  it("are read by FOU, kept only by admins, hidden from others, and another trust's is not found", async () => {
    expect((await list("", cookies.studentAdmin)).total).toBe(2);
    expect((await get(nurseProfile, cookies.studentAdmin)).statusCode).toBe(200);
    expect((await patch(nurseProfile, { limits: "FOU" }, cookies.studentAdmin)).statusCode).toBe(403);
    for (const key of ["coordinatorUib", "itProvider", "ehealth"]) {
      expect((await t.call("GET", "/api/access-profiles", { cookie: cookies[key] })).statusCode, key).toBe(403);
      expect((await get(nurseProfile, cookies[key])).statusCode, key).toBe(403);
    }
    const foreign = world.clinical.fonnaNurseProfile.profile.id;
    expect((await get(foreign)).statusCode).toBe(404);
    expect((await patch(foreign, { limits: "Overtatt" })).json().code).toBe("access_profiles.not_found");
    expect(JSON.stringify(await list("?status=all"))).not.toContain(foreign);
  });
});
