import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { linksIn, mailTo, studentForm, tokenOf } from "../helpers/registration.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Rows that arrive after a registration was confirmed (the coordinator fills in the sheet later):
 * the registration still without a person is matched when the rows are saved, not when FOU opens the
 * matching view, and the person's Registrert cell follows — never "registered" while the
 * registration needs a confirmation.
 */
const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
let t: TestApp;
let world: World;
let admin: string;
let coordinator: string;
let campaignId: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
  coordinator = await t.login(world.users.coordinatorUib.email);
  const res = await t.call("POST", "/api/campaigns", {
    cookie: admin,
    body: { institutionId: world.institutions.uib.id, deadline: "2026-08-20" },
  });
  campaignId = res.json().id;
  token = tokenOf(res.json().publicUrl);
});
afterAll(() => t.close());

const abroad = { birthDate: "2003-02-01", nationality: "SE", homeInstitution: "Lunds universitet" };
const sheetId = () => world.overviews.uib.sheet.id;

async function registerAndConfirm(body: Record<string, unknown>) {
  const form = studentForm(body);
  const res = await t.call("POST", `/api/public/campaigns/${token}/registrations`, { body: form });
  expect(res.statusCode, res.body).toBe(202);
  const [mail] = await mailTo(t, form.email as string, "registration-confirm");
  const confirmed = await t.call("POST", `/api/public/confirmations/${linksIn(mail?.textBody ?? "").confirm}`);
  expect(confirmed.statusCode).toBe(200);
  return stored(form.email as string);
}

async function stored(email: string) {
  const [r] = await t.database.db.select().from(registrations).where(eq(registrations.email, email));
  return r as typeof registrations.$inferSelect;
}

/** The coordinator adds a row; its id and person. */
async function addRow(body: Record<string, unknown>) {
  const res = await t.call("POST", `/api/sheets/${sheetId()}/rows`, { cookie: coordinator, body });
  expect(res.statusCode, res.body).toBe(201);
  const row = res.json().rows[0];
  return { id: row.id as string, personId: row.personId as string, version: row.version as number };
}

async function registrationCell(rowId: string) {
  const res = await t.call("GET", `/api/sheets/${sheetId()}/rows`, { cookie: coordinator });
  return res.json().rows.find((r: { id: string }) => r.id === rowId).registrationState as string;
}

async function waitingInMatchingView() {
  const res = await t.call("GET", `/api/registrations/matching?campaignId=${campaignId}&limit=200`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().registrations.items.map((r: { email: string }) => r.email) as string[];
}

describe("rows that arrive after the confirmation", () => {
  it("match a confirmed registration without rows when the coordinator saves the student's row, audited", async () => {
    const before = await registerAndConfirm({ firstName: "Siri", lastName: "Dahl", email: "siri@uib.test", ...abroad });
    expect(before).toMatchObject({ personId: null, matchedBy: null });
    expect(await waitingInMatchingView()).toContain("siri@uib.test");

    const row = await addRow({ lastName: "Dahl", firstName: "Siri", email: "siri@uib.test" });
    expect(await stored("siri@uib.test")).toMatchObject({ personId: row.personId, matchedBy: "email" });
    expect(await registrationCell(row.id)).toBe("registered");
    expect(await waitingInMatchingView()).not.toContain("siri@uib.test");

    // The coordinator's save did it: the match and the person's Registrert are theirs in the trail.
    const matchAudit = (await auditRows(t, before.id)).at(-1);
    expect(matchAudit).toMatchObject({
      action: "match",
      fields: ["person_id", "matched_by"],
      actorId: world.users.coordinatorUib.id,
    });
    const personAudit = (await auditRows(t, row.personId)).at(-1);
    expect(personAudit).toMatchObject({ entity: "person", action: "update", actorId: world.users.coordinatorUib.id });
    expect(personAudit?.fields).toEqual(expect.arrayContaining(["registered_at"]));
  });

  it("match by name and birth date when a row is changed to name the student", async () => {
    const before = await registerAndConfirm({
      firstName: "Mats",
      lastName: "Ruud",
      email: "mats@privat.test",
      ...abroad,
    });
    expect(before.personId).toBeNull();
    const row = await addRow({ lastName: "Ruud", firstName: "Mats" });
    expect((await stored("mats@privat.test")).personId).toBeNull();

    const res = await t.call("PATCH", `/api/rows/${row.id}`, {
      cookie: coordinator,
      body: { version: row.version, birthDate: abroad.birthDate },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored("mats@privat.test")).toMatchObject({
      personId: res.json().personId,
      matchedBy: "name_birth_date",
    });
    expect(await registrationCell(row.id)).toBe("registered");
  });

  it("leave a registration FOU unmatched to FOU", async () => {
    await registerAndConfirm({ firstName: "Une", lastName: "Lund", email: "une@uib.test", ...abroad });
    await addRow({ lastName: "Lund", firstName: "Une", email: "une@uib.test" });
    const matched = await stored("une@uib.test");
    expect(matched.personId).not.toBeNull();
    const undone = await t.call("POST", `/api/registrations/${matched.id}/unmatch`, { cookie: admin });
    expect(undone.statusCode, undone.body).toBe(200);

    await addRow({ lastName: "Lund", firstName: "Une", email: "une@uib.test", startDate: "2026-09-01" });
    expect(await stored("une@uib.test")).toMatchObject({ personId: null, matchedBy: null });
    expect(await waitingInMatchingView()).toContain("une@uib.test");
  });
});

describe("the Registrert cell of a person created from a registration", () => {
  it("does not say registered once rows with another e-mail show the registration needs confirmation", async () => {
    const nationalId = testNationalId({ individual: 640 });
    const reg = await registerAndConfirm({
      firstName: "Ola",
      lastName: "Vik",
      email: "ola.privat@test.no",
      nationalId,
    });
    expect(reg).toMatchObject({ matchedBy: "national_id" });
    const personId = reg.personId as string;
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, personId));
    expect(person?.registeredAt).not.toBeNull();

    const row = await addRow({ lastName: "Vik", firstName: "Ola", nationalId, email: "ola@student.uib.no" });
    expect(row.personId).toBe(personId);
    expect(await registrationCell(row.id)).toBe("not_registered");
    const list = await t.call("GET", `/api/campaigns/${campaignId}/registrations?q=vik`, { cookie: admin });
    expect(list.json().items[0]).toMatchObject({ state: "matched", needsConfirmation: true });

    const confirmed = await t.call("POST", `/api/registrations/${reg.id}/confirm`, { cookie: admin });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await registrationCell(row.id)).toBe("registered");
  });
});
