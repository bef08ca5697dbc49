import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { registrationJobs } from "../../src/server/modules/registrations/registrations.jobs.ts";
import { campaigns, registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { testNationalId, withoutIds } from "../helpers/national-ids.ts";
import { registrationBuilders } from "../helpers/registration-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The reminders before a campaign's deadline (10.02.2027): students with a known e-mail and no
 * registration 7 and 2 days before, the coordinators the list 3 days before; each once.
 */
const clock = createTestClock(new Date("2027-02-01T07:00:00Z"));
const encryptionKey = randomBytes(32);
const frodeId = testNationalId({ day: 4, month: 5, year: 2003, kind: "tnr" });
let t: TestApp;
let world: World;
let jobs: ReturnType<typeof registrationJobs>;
let evenRegistration: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DATA_ENCRYPTION_KEY: encryptionKey.toString("base64") } });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  const r = registrationBuilders(db, createDataCrypto(encryptionKey));
  const uibSheet = world.overviews.uib.sheet.id;
  const bergen = world.trusts.bergen.id;
  const uibCampaign = await r.campaign({
    trustId: bergen,
    institutionId: world.institutions.uib.id,
    sheetId: uibSheet,
    name: "UiB vår",
    deadline: "2027-02-10",
  });
  const row = (sheetId: string, values: Partial<typeof placementRows.$inferInsert>) =>
    db.insert(placementRows).values({ sheetId, position: 9, lastName: "", ...values });
  await row(uibSheet, { lastName: "Aase", firstName: "Anna", email: "anna@student.test" });
  await row(uibSheet, { lastName: "Berg", firstName: "Bjørn" });
  const dina = await b.student({ trustId: bergen, firstName: "Dina", lastName: "Dahl" });
  await row(uibSheet, { lastName: "Dahl", firstName: "Dina", email: "dina@student.test", personId: dina.id });
  await r.registration(uibCampaign, { personId: dina.id });
  const even = await b.student({ trustId: bergen, firstName: "Even", lastName: "Eik", language: "en" });
  await row(uibSheet, { lastName: "Eik", firstName: "Even", email: "even@student.test", personId: even.id });
  evenRegistration = (await r.registration(uibCampaign, { personId: even.id, emailConfirmedAt: null })).id;
  const admin = await t.login(world.users.admin.email);
  const frode = await t.call("POST", `/api/sheets/${uibSheet}/rows`, {
    cookie: admin,
    body: { lastName: "Fjell", firstName: "Frode", nationalId: frodeId, email: "frode@student.test" },
  });
  expect(frode.statusCode, frode.body).toBe(201);

  // A campaign tied to no sheet: the institution's sheets that start after it opened (15.01.2027).
  await r.campaign({
    trustId: bergen,
    institutionId: world.institutions.hvl.id,
    name: "HVL vår",
    deadline: "2027-02-10",
  });
  await db.update(sheets).set({ startDate: "2027-03-01" }).where(eq(sheets.id, world.overviews.hvl.sheet.id));
  await db
    .update(campaigns)
    .set({ createdAt: new Date("2027-01-15T10:00:00Z") })
    .where(eq(campaigns.name, "HVL vår"));
  await row(world.overviews.hvl.sheet.id, { lastName: "Ny", firstName: "Nils", email: "nils@hvl.test" });
  const [early] = await db
    .insert(sheets)
    .values({
      overviewId: world.overviews.hvl.overview.id,
      kind: "norwegian",
      name: "Tidlig",
      startDate: "2027-01-10",
      endDate: "2027-01-30",
      position: 2,
    })
    .returning();
  await row(early?.id as string, { lastName: "Gammel", firstName: "Gro", email: "gro@hvl.test" });
  // A closed campaign reminds nobody.
  await r.campaign({
    trustId: world.trusts.fonna.id,
    institutionId: world.institutions.fsv.id,
    sheetId: world.overviews.fonna.sheet.id,
    deadline: "2027-02-10",
  });
  await row(world.overviews.fonna.sheet.id, { lastName: "Fonn", firstName: "Fia", email: "fia@fonna.test" });
  await db
    .update(campaigns)
    .set({ closedAt: new Date("2027-01-20T10:00:00Z") })
    .where(eq(campaigns.trustId, world.trusts.fonna.id));

  jobs = registrationJobs({
    db,
    config: loadConfig({
      DATA_ENCRYPTION_KEY: encryptionKey.toString("base64"),
      PUBLIC_URL: "http://praksistilgang.test",
    }),
    clock,
  });
});
afterAll(() => t.close());

const sentTo = async (template: string) =>
  (await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.template, template)))
    .map((m) => m.recipientAddress)
    .sort();
const runOn = async (date: string) => {
  clock.advance(new Date(`${date}T07:00:00Z`).getTime() - clock.now().getTime());
  return jobs.runReminders();
};

describe("registration reminders", () => {
  it("reminds nobody more than 7 days before the deadline", async () => {
    expect(await runOn("2027-02-02")).toEqual({ students: 0, coordinators: 0 });
  });

  it("e-mails the students with a known address and no registration 7 days before, once", async () => {
    expect(await runOn("2027-02-03")).toEqual({ students: 4, coordinators: 0 });
    const expected = ["anna@student.test", "even@student.test", "frode@student.test", "nils@hvl.test"];
    expect(await sentTo("registration-reminder-student")).toEqual(expected);
    const [even] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientAddress, "even@student.test"));
    expect(even?.language).toBe("en");
    expect(even?.subject).toContain("Remember to register");
    expect(even?.textBody).toContain("http://praksistilgang.test/registrer/");
    expect(await runOn("2027-02-04")).toEqual({ students: 0, coordinators: 0 });
  });

  it("sends each coordinator the list of their institution's missing students 3 days before, once", async () => {
    expect(await runOn("2027-02-07")).toEqual({ students: 0, coordinators: 2 });
    expect(await sentTo("registration-reminder-coordinator")).toEqual([
      world.users.coordinatorHvl.email,
      world.users.coordinatorUib.email,
    ]);
    const [uib] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientAddress, world.users.coordinatorUib.email));
    for (const name of ["Aase, Anna", "Berg, Bjørn", "Eik, Even", "Fjell, Frode"])
      expect(uib?.textBody).toContain(name);
    expect(uib?.textBody).not.toContain("Dina");
    expect(uib?.textBody).not.toContain("Nils");
    const [hvl] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientAddress, world.users.coordinatorHvl.email));
    expect(hvl?.textBody).toContain("Ny, Nils");
    expect(hvl?.textBody).not.toContain("Gro");
    expect(await runOn("2027-02-07")).toEqual({ students: 0, coordinators: 0 });
  });

  it("e-mails the students still missing 2 days before, once, and never a national ID", async () => {
    await t.database.db
      .update(registrations)
      .set({ emailConfirmedAt: clock.now() })
      .where(eq(registrations.id, evenRegistration));
    expect(await runOn("2027-02-08")).toEqual({ students: 3, coordinators: 0 });
    expect(await runOn("2027-02-09")).toEqual({ students: 0, coordinators: 0 });
    const messages = await t.database.db.select().from(outboxMessages);
    const reminders = messages.filter((m) => m.template.startsWith("registration-reminder"));
    expect(reminders).toHaveLength(4 + 2 + 3);
    expect(await sentTo("registration-reminder-student")).not.toContain("fia@fonna.test");
    for (const m of reminders) expect(withoutIds(`${m.subject}${m.textBody}${m.htmlBody}`)).not.toMatch(/\d{11}/);
    expect(messages.some((m) => `${m.subject}${m.textBody}${m.htmlBody}`.includes(frodeId))).toBe(false);
    const [frode] = await t.database.db.select().from(persons).where(eq(persons.firstName, "Frode"));
    expect(frode?.nationalIdHash).toBeTruthy();
  });
});
