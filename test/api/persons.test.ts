import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { createPersonsUsecases } from "../../src/server/modules/persons/persons.usecases.ts";
import type { Actor } from "../../src/server/shared/actor.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { auditRows } from "../helpers/audit.ts";
import { databaseDump } from "../helpers/database-dump.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

const key = randomBytes(32);
let t: TestApp;
let world: World;
let usecases: ReturnType<typeof createPersonsUsecases>;
const cookies: Record<string, string> = {};

/** Synthetic or future-born numbers only: never a real person's. */
const nationalId = testNationalId({ year: 2036, month: 5, day: 17 });
const spaced = `${nationalId.slice(0, 6)} ${nationalId.slice(6)}`;
const dNumber = testNationalId({ kind: "dnr", year: 2034, day: 2 });
const tenor = testNationalId({ kind: "tnr", year: 1999, month: 11, day: 23, individual: 100 });
const leadingZero = testNationalId({ year: 2037, day: 3 });

const actorFor = (user: { id: string }, trustId: string, roles: Actor["roles"], institutionIds: string[] = []) =>
  ({ userId: user.id, isSystemAdmin: false, trustId, roles, institutionIds, requestId: null }) satisfies Actor;

let fou: Actor;
let personId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_ENCRYPTION_KEY: key.toString("base64") } });
  world = await seedWorld(t.database.db);
  usecases = createPersonsUsecases({ db: t.database.db, crypto: createDataCrypto(key) });
  fou = actorFor(world.users.studentAdmin, world.trusts.bergen.id, ["student_admin"]);
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await t.login(user.email);
  const { person } = await usecases.upsertByNationalId(fou, {
    nationalId: spaced,
    firstName: "Sigrid",
    lastName: "Testmo",
    email: "Sigrid.Testmo@student.test",
    mobile: "912 34 567",
  });
  personId = person.id;
});
afterAll(() => t.close());

describe("storing a person", () => {
  it("keeps the national ID only encrypted and hashed, yet finds the person by it", async () => {
    const [row] = await t.database.db.select().from(persons).where(eq(persons.id, personId));
    expect(row).toMatchObject({
      firstName: "Sigrid",
      email: "sigrid.testmo@student.test",
      mobile: "+4791234567",
      birthDate: "2036-05-17",
    });
    expect(row?.nationalIdEnc).toMatch(/^v2\./);
    expect(row?.nationalIdHash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const dump = await databaseDump(t.database);
    expect(dump).toContain(row?.nationalIdEnc as string);
    expect(dump).toContain(row?.nationalIdHash as string);
    expect(dump).toContain("Testmo");
    expect(dump).not.toContain(nationalId);
    expect(dump).not.toContain(spaced);

    const bergen = world.trusts.bergen.id;
    for (const form of [nationalId, spaced, ` ${nationalId} `]) {
      expect((await usecases.findByNationalId(bergen, form))?.id).toBe(personId);
    }
    const found = await usecases.findByNationalId(bergen, nationalId);
    expect(found?.nationalIdMasked).toBe(`${nationalId.slice(0, 6)} *****`);
    expect(JSON.stringify(found)).not.toContain(nationalId);
    expect(await usecases.findByNationalId(world.trusts.fonna.id, nationalId)).toBeUndefined();
    expect(await usecases.findByNationalId(bergen, testNationalId({ year: 2036, month: 5, day: 18 }))).toBeUndefined();
  });

  it("updates the same person on a second upsert, auditing field names only", async () => {
    const again = await usecases.upsertByNationalId(fou, {
      nationalId: Number(nationalId),
      firstName: "Sigrid",
      lastName: "Testmo-Vik",
    });
    expect(again).toMatchObject({ created: false, person: { id: personId, lastName: "Testmo-Vik" } });
    const rows = await auditRows(t, personId);
    expect(rows.map((r) => [r.action, r.fields])).toEqual([
      ["create", ["national_id", "first_name", "last_name", "birth_date", "email", "mobile"]],
      ["update", ["last_name"]],
    ]);
    expect(rows.every((r) => r.entity === "person" && r.actorId === world.users.studentAdmin.id)).toBe(true);
    const json = JSON.stringify(rows);
    for (const value of [nationalId, nationalId.slice(6), "Testmo", "sigrid", "4791234567"]) {
      expect(json).not.toContain(value);
    }
  });

  it("refuses a second person with the same national ID, and invalid ones with their codes", async () => {
    await expect(usecases.create(fou, { nationalId, firstName: "Dobbel", lastName: "Person" })).rejects.toMatchObject({
      code: "persons.national_id_exists",
      status: 409,
    });
    const wrong = `${nationalId.slice(0, 10)}${(Number(nationalId[10]) + 1) % 10}`;
    await expect(
      usecases.create(fou, { nationalId: wrong, firstName: "Feil", lastName: "Siffer" }),
    ).rejects.toMatchObject({ code: "national_id.checksum", status: 400 });
    await expect(
      usecases.create(fou, { nationalId: "12345", firstName: "Kort", lastName: "Nummer" }),
    ).rejects.toMatchObject({ code: "national_id.wrong_length" });
    await expect(
      usecases.create(fou, { nationalId: dNumber, firstName: "Dora", lastName: "Dnummer", mobile: "123" }),
    ).rejects.toMatchObject({ code: "persons.mobile_invalid" });
  });

  it("accepts D-numbers everywhere, synthetic numbers only while the trust is in test mode", async () => {
    const d = await usecases.create(fou, { nationalId: dNumber, firstName: "Dora", lastName: "Dnummer" });
    expect(d.person.birthDate).toBe("2034-03-02");
    const synthetic = await usecases.create(fou, { nationalId: tenor, firstName: "Tenor", lastName: "Testperson" });
    expect(synthetic.person.nationalIdMasked).toBe(`${tenor.slice(0, 6)} *****`);

    const fonnaAdmin = actorFor(world.users.fonnaAdmin, world.trusts.fonna.id, ["admin"]);
    expect(world.trusts.fonna.testMode).toBe(false);
    await expect(
      usecases.create(fonnaAdmin, { nationalId: tenor, firstName: "Tenor", lastName: "Testperson" }),
    ).rejects.toMatchObject({ code: "national_id.test_number_not_allowed", status: 400 });
    const fonnaD = await usecases.create(fonnaAdmin, { nationalId: dNumber, firstName: "Dora", lastName: "Dnummer" });
    expect(fonnaD.person.id).not.toBe(d.person.id);
  });

  it("gives a number read from Excel its leading zero back, with a warning", async () => {
    const { person, warnings } = await usecases.create(fou, {
      nationalId: Number(leadingZero),
      firstName: "Null",
      lastName: "Foran",
    });
    expect(warnings).toEqual(["national_id.leading_zero_restored"]);
    expect((await usecases.findByNationalId(world.trusts.bergen.id, leadingZero))?.id).toBe(person.id);
  });
});

describe("POST /api/persons/{id}/reveal-national-id", () => {
  const reveal = (cookie: string | undefined, id: string, body: unknown = {}) =>
    t.call("POST", `/api/persons/${id}/reveal-national-id`, { cookie, body });
  const revealRows = async () =>
    (await auditRows(t, personId)).filter((r) => r.action === "reveal_national_id").map((r) => r.id);

  it("shows FOU the number, not cached, with an audit row that holds no value", async () => {
    const res = await reveal(cookies.studentAdmin, personId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ nationalId });
    expect(res.headers["cache-control"]).toBe("no-store");
    const [row] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "reveal_national_id"))
      .orderBy(auditEvents.at);
    expect(row).toMatchObject({
      entity: "person",
      entityId: personId,
      fields: ["national_id"],
      actorId: world.users.studentAdmin.id,
      trustId: world.trusts.bergen.id,
      institutionId: null,
    });
    expect(row?.requestId).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain(nationalId);
    expect(JSON.stringify(row)).not.toContain(nationalId.slice(6));
  });

  it("needs no body", async () => {
    const res = await t.call("POST", `/api/persons/${personId}/reveal-national-id`, { cookie: cookies.admin });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("shows an admin the number, recording the institution named", async () => {
    const res = await reveal(cookies.admin, personId, { institutionId: world.institutions.hvl.id });
    expect(res.statusCode).toBe(200);
    const rows = (await auditRows(t, personId)).filter((r) => r.action === "reveal_national_id");
    expect(rows.at(-1)).toMatchObject({ actorId: world.users.admin.id, institutionId: world.institutions.hvl.id });
  });

  it("refuses everyone else, without an audit row", async () => {
    const before = await revealRows();
    const cases: [string | undefined, number, unknown?][] = [
      [undefined, 401],
      [cookies.itProvider, 403],
      [cookies.ehealth, 403],
      // Coordinators: another institution, their own without the person belonging to it (rows come
      // with the overviews), or none named: the person is not found for them.
      [cookies.coordinatorUib, 404, { institutionId: world.institutions.hvl.id }],
      [cookies.coordinatorUib, 404, { institutionId: world.institutions.uib.id }],
      [cookies.coordinatorUib, 404],
      // Another trust.
      [cookies.fonnaAdmin, 404],
      [cookies.fonnaCoordinator, 404, { institutionId: world.institutions.fsv.id }],
      // An admin naming an institution the trust has no agreement with.
      [cookies.admin, 404, { institutionId: world.institutions.fsv.id }],
    ];
    for (const [cookie, status, body] of cases) {
      const res = await reveal(cookie, personId, body ?? {});
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.body).not.toContain(nationalId);
    }
    expect((await reveal(cookies.admin, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await reveal(cookies.admin, personId, { institutionId: "not-a-uuid" })).statusCode).toBe(400);
    expect(await revealRows()).toEqual(before);
  });

  it("answers 404 persons.no_national_id for a person without one", async () => {
    const { person } = await usecases.create(fou, { firstName: "Uten", lastName: "Nummer" });
    const res = await reveal(cookies.studentAdmin, person.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("persons.no_national_id");
  });

  it("lets a coordinator reveal through an institution the person belongs to", async () => {
    const coordinator = actorFor(
      world.users.coordinatorUib,
      world.trusts.bergen.id,
      ["coordinator"],
      [world.institutions.uib.id],
    );
    const atUib = (q: { personId: string; institutionId: string }) =>
      q.personId === personId && q.institutionId === world.institutions.uib.id;
    const links = (numberFromUib: boolean) => ({
      atInstitution: async (_tx: unknown, q: { personId: string; institutionId: string }) => atUib(q),
      nationalIdAtInstitution: async (_tx: unknown, q: { personId: string; institutionId: string }) =>
        numberFromUib && atUib(q),
      knownAtInstitution: async () => [],
      institutionsOf: async () => [],
      moveRows: async () => 0,
    });
    const withRows = createPersonsUsecases({ db: t.database.db, crypto: createDataCrypto(key), links: links(true) });
    await expect(
      withRows.revealNationalId(coordinator, personId, { institutionId: world.institutions.uib.id }),
    ).resolves.toEqual({ nationalId });
    await expect(
      withRows.revealNationalId(coordinator, personId, { institutionId: world.institutions.hvl.id }),
    ).rejects.toMatchObject({ status: 404 });
    // The person is at UiB, but the number came from another institution's rows: not shown.
    const numberFromElsewhere = createPersonsUsecases({
      db: t.database.db,
      crypto: createDataCrypto(key),
      links: links(false),
    });
    await expect(
      numberFromElsewhere.revealNationalId(coordinator, personId, { institutionId: world.institutions.uib.id }),
    ).rejects.toMatchObject({ status: 404, code: "persons.no_national_id" });
    const rows = (await auditRows(t, personId)).filter((r) => r.action === "reveal_national_id");
    expect(rows.at(-1)).toMatchObject({
      actorId: world.users.coordinatorUib.id,
      institutionId: world.institutions.uib.id,
    });
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await t.call("GET", "/api/openapi.json")).json();
    expect(doc.paths["/api/persons/{id}/reveal-national-id"]?.post).toBeTruthy();
  });
});
