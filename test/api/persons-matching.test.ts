import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../src/contracts/overviews.ts";
import type { DuplicateGroup, Person } from "../../src/contracts/persons.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * SPEC §4: a person is shared by the institutions of a trust only through the national ID; e-mail,
 * or names and birth date, match only within one institution; no institution's row changes what
 * another's rows gave the person; FOU merges likely duplicates by hand. The red-team reproductions
 * of issue 7 are the first tests.
 */
let t: TestApp;
let world: World;
const callers = ["coordinatorUib", "coordinatorHvl", "studentAdmin", "admin"] as const;
const cookie = {} as Record<(typeof callers)[number], string>;
let uibSheet: string;
let hvlSheet: string;

const uibNumber = testNationalId({ year: 2035, month: 2, day: 11, individual: 510 });
const hvlNumber = testNationalId({ year: 2035, month: 8, day: 23, individual: 530 });
const sharedNumber = testNationalId({ year: 2036, month: 1, day: 9, individual: 540 });

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  uibSheet = world.overviews.uib.sheet.id;
  hvlSheet = world.overviews.hvl.sheet.id;
  for (const key of callers) {
    cookie[key] = await t.login(world.users[key].email);
  }
});
afterAll(() => t?.close());

async function addRow(who: string, sheetId: string, body: Record<string, string>): Promise<Row> {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: who, body });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ rows: Row[] }>(res).rows[0] as Row;
}
const reveal = (who: string, personId: string, institutionId: string) =>
  t.call("POST", `/api/persons/${personId}/reveal-national-id`, { cookie: who, body: { institutionId } });
const person = async (id: string) => (await t.database.db.select().from(persons).where(eq(persons.id, id)))[0];

describe("matching a row to a person", () => {
  it("A: another institution's row with the same e-mail, or names and birth date, gets a person of its own", async () => {
    const uib = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Aasen",
      firstName: "Kari",
      nationalId: uibNumber,
      email: "uib0@student.uib.no",
    });
    expect(uib.personId).toBeTruthy();

    const byEmail = await addRow(cookie.coordinatorHvl, hvlSheet, {
      lastName: "X",
      firstName: "Kari",
      email: "uib0@student.uib.no",
    });
    expect(byEmail.personId).toBeTruthy();
    expect(byEmail.personId).not.toBe(uib.personId);

    const byName = await addRow(cookie.coordinatorHvl, hvlSheet, {
      lastName: "Aasen",
      firstName: "Kari",
      birthDate: "2035-02-11",
    });
    expect(byName.personId).toBeTruthy();
    expect(byName.personId).not.toBe(uib.personId);

    // HVL cannot reveal the UiB student's number, through either of its rows or by naming the person.
    for (const id of [uib.personId, byEmail.personId, byName.personId] as string[]) {
      const res = await reveal(cookie.coordinatorHvl, id, world.institutions.hvl.id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(uibNumber);
    }
    // UiB still can, through its own row.
    const own = await reveal(cookie.coordinatorUib, uib.personId as string, world.institutions.uib.id);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ nationalId: uibNumber });
  });

  it("B: another institution's national ID never lands on a person its rows did not give it", async () => {
    const uib = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Berg",
      firstName: "Eva",
      email: "eva@student.uib.no",
    });
    const hvl = await addRow(cookie.coordinatorHvl, hvlSheet, {
      lastName: "Berg",
      firstName: "Eva",
      email: "eva@student.uib.no",
      nationalId: hvlNumber,
    });
    expect(hvl.personId).not.toBe(uib.personId);
    const uibPerson = await person(uib.personId as string);
    expect(uibPerson?.nationalIdHash).toBeNull();
    expect(uibPerson?.nationalIdEnc).toBeNull();

    const res = await reveal(cookie.coordinatorUib, uib.personId as string, world.institutions.uib.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("persons.no_national_id");
    expect(res.body).not.toContain(hvlNumber);
  });

  it("matches by e-mail within one institution, and gives that person the number of a later row", async () => {
    const first = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Dahl",
      firstName: "Ingrid",
      email: "ingrid.dahl@student.uib.no",
    });
    const second = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Dahl",
      firstName: "Ingrid",
      email: "ingrid.dahl@student.uib.no",
      nationalId: sharedNumber,
    });
    expect(second.personId).toBe(first.personId);
    const audit = (await auditRows(t, first.personId as string)).filter((r) => r.action === "update");
    expect(audit.at(-1)).toMatchObject({ fields: ["national_id"], institutionId: world.institutions.uib.id });
    const res = await reveal(cookie.coordinatorUib, first.personId as string, world.institutions.uib.id);
    expect(res.json()).toEqual({ nationalId: sharedNumber });
  });

  it("shares a person across institutions through the national ID, without changing what the first gave", async () => {
    const hvl = await addRow(cookie.coordinatorHvl, hvlSheet, {
      lastName: "Dahl",
      firstName: "Ingrid Marie",
      email: "ingrid@stud.hvl.no",
      nationalId: sharedNumber,
    });
    const uibRow = (
      await t.database.db.select().from(placementRows).where(eq(placementRows.email, "ingrid.dahl@student.uib.no"))
    )[0];
    expect(hvl.personId).toBe(uibRow?.personId);
    expect(await person(hvl.personId as string)).toMatchObject({
      firstName: "Ingrid",
      email: "ingrid.dahl@student.uib.no",
    });
    // Both institutions reveal it: each has a row that carries the number.
    for (const [who, institution] of [
      [cookie.coordinatorHvl, world.institutions.hvl.id],
      [cookie.coordinatorUib, world.institutions.uib.id],
    ] as const) {
      expect((await reveal(who, hvl.personId as string, institution)).json()).toEqual({ nationalId: sharedNumber });
    }
  });

  it("does not give a person shared with another institution a number through a weak key", async () => {
    // A person whose rows are at UiB and HVL without a number (a merge by hand), then a UiB row
    // with the same e-mail and a number: the number goes to a new person, not the shared one.
    const uib = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Lie",
      firstName: "Jonas",
      email: "jonas.lie@student.uib.no",
    });
    const hvl = await addRow(cookie.coordinatorHvl, hvlSheet, {
      lastName: "Lie",
      firstName: "Jonas",
      email: "jonas.lie@student.uib.no",
    });
    const merged = await t.call("POST", `/api/persons/${uib.personId}/merge`, {
      cookie: cookie.studentAdmin,
      body: { otherId: hvl.personId },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const number = testNationalId({ year: 2036, month: 4, day: 4, individual: 550 });
    const later = await addRow(cookie.coordinatorUib, uibSheet, {
      lastName: "Lie",
      firstName: "Jonas",
      email: "jonas.lie@student.uib.no",
      nationalId: number,
    });
    expect(later.personId).not.toBe(uib.personId);
    expect((await person(uib.personId as string))?.nationalIdHash).toBeNull();
  });
});

describe("likely duplicates and merging them", () => {
  let groups: DuplicateGroup[];

  it("lists persons with the same e-mail or names and birth date for FOU and admins", async () => {
    const res = await t.call("GET", "/api/persons/duplicates", { cookie: cookie.studentAdmin });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ groups: DuplicateGroup[]; total: number }>(res);
    groups = body.groups;
    expect(body.total).toBe(groups.length);
    const eva = groups.find((g) => g.reason === "email" && g.key === "eva@student.uib.no");
    expect(eva?.persons.map((p) => p.institutions.map((i) => i.shortName))).toEqual([["UiB"], ["HVL"]]);
    expect(JSON.stringify(body)).not.toContain(hvlNumber);
    const kari = groups.find((g) => g.reason === "name_birth_date" && g.key === "aasen, kari, 2035-02-11");
    expect(kari?.persons).toHaveLength(2);

    const filtered = await t.call("GET", "/api/persons/duplicates?reason=email&q=EVA&limit=1", {
      cookie: cookie.admin,
    });
    expect(json<{ groups: DuplicateGroup[]; total: number }>(filtered)).toMatchObject({
      total: 1,
      groups: [{ key: "eva@student.uib.no" }],
    });
    for (const who of [cookie.coordinatorUib, cookie.coordinatorHvl]) {
      expect((await t.call("GET", "/api/persons/duplicates", { cookie: who })).statusCode).toBe(403);
    }
  });

  it("refuses to merge two persons with different national IDs", async () => {
    const kari = groups.find((g) => g.key === "aasen, kari, 2035-02-11");
    const [a, b] = kari?.persons ?? [];
    const hvlEva = groups.find((g) => g.key === "eva@student.uib.no")?.persons[1];
    expect(a?.nationalIdMasked).toBeTruthy();
    expect(hvlEva?.nationalIdMasked).toBeTruthy();
    const res = await t.call("POST", `/api/persons/${a?.id}/merge`, {
      cookie: cookie.studentAdmin,
      body: { otherId: hvlEva?.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("persons.merge_conflicting_national_ids");
    expect(b).toBeTruthy();
    const same = await t.call("POST", `/api/persons/${a?.id}/merge`, {
      cookie: cookie.studentAdmin,
      body: { otherId: a?.id },
    });
    expect(same.statusCode).toBe(400);
    const coordinator = await t.call("POST", `/api/persons/${a?.id}/merge`, {
      cookie: cookie.coordinatorUib,
      body: { otherId: b?.id },
    });
    expect(coordinator.statusCode).toBe(403);
  });

  it("merges: rows move, the number is encrypted anew for the surviving record, both are audited", async () => {
    const eva = groups.find((g) => g.key === "eva@student.uib.no");
    const [uibEva, hvlEva] = eva?.persons ?? [];
    const before = await person(hvlEva?.id as string);
    const res = await t.call("POST", `/api/persons/${uibEva?.id}/merge`, {
      cookie: cookie.studentAdmin,
      body: { otherId: hvlEva?.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = json<{ person: Person; movedRows: number }>(res);
    expect(merged.movedRows).toBe(1);
    expect(merged.person.nationalIdMasked).toBe(`${hvlNumber.slice(0, 6)} *****`);
    const after = await person(uibEva?.id as string);
    expect(after?.nationalIdHash).toBe(before?.nationalIdHash);
    expect(after?.nationalIdEnc).not.toBe(before?.nationalIdEnc);
    expect(await person(hvlEva?.id as string)).toBeUndefined();
    const rows = await t.database.db.select().from(placementRows).where(eq(placementRows.email, "eva@student.uib.no"));
    expect(rows.map((r) => r.personId)).toEqual([uibEva?.id, uibEva?.id]);

    expect((await auditRows(t, uibEva?.id as string)).at(-1)).toMatchObject({
      action: "merge",
      // Taken from the other record, which had them; UiB's rows gave neither.
      fields: ["national_id", "birth_date"],
      actorId: world.users.studentAdmin.id,
    });
    expect((await auditRows(t, hvlEva?.id as string)).at(-1)).toMatchObject({ action: "merged_into" });

    // The number came from HVL's row: HVL reveals it, UiB (whose rows have none) does not.
    expect((await reveal(cookie.coordinatorHvl, uibEva?.id as string, world.institutions.hvl.id)).json()).toEqual({
      nationalId: hvlNumber,
    });
    expect((await reveal(cookie.coordinatorUib, uibEva?.id as string, world.institutions.uib.id)).statusCode).toBe(404);

    const again = await t.call("GET", "/api/persons/duplicates?q=eva@student.uib.no", { cookie: cookie.studentAdmin });
    expect(json<{ total: number }>(again).total).toBe(0);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await t.call("GET", "/api/openapi.json")).json();
    expect(doc.paths["/api/persons/duplicates"]?.get).toBeTruthy();
    expect(doc.paths["/api/persons/{id}/merge"]?.post).toBeTruthy();
  });
});
