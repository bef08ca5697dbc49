import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { databaseDump } from "../helpers/database-dump.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { linksIn, mailTo, studentForm, tokenOf } from "../helpers/registration.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/** Automatic matching by each key, and where a typed national ID must never show up in plain text. */
const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
const logLines: string[] = [];
let t: TestApp;
let world: World;
let admin: string;
let token: string;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ clock, logStream: stream, env: { LOG_LEVEL: "info" } });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
  const res = await t.call("POST", "/api/campaigns", {
    cookie: admin,
    body: { institutionId: world.institutions.uib.id, deadline: "2026-08-20" },
  });
  token = tokenOf(res.json().publicUrl);
});
afterAll(() => t.close());

/** A row on a sheet through the API (it gets its person as the overviews match them); its person's id. */
async function row(sheetId: string, body: Record<string, unknown>) {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: admin, body });
  expect(res.statusCode, res.body).toBe(201);
  const [stored] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, res.json().rows[0].id));
  return stored?.personId as string;
}

/** Registers and confirms; the stored registration. */
async function registerAndConfirm(body: Record<string, unknown>) {
  const form = studentForm(body);
  const res = await t.call("POST", `/api/public/campaigns/${token}/registrations`, { body: form });
  expect(res.statusCode, res.body).toBe(202);
  const [mail] = await mailTo(t, form.email as string, "registration-confirm");
  const confirmed = await t.call("POST", `/api/public/confirmations/${linksIn(mail?.textBody ?? "").confirm}`);
  expect(confirmed.statusCode).toBe(200);
  const [stored] = await t.database.db
    .select()
    .from(registrations)
    .where(eq(registrations.email, form.email as string));
  return stored;
}

describe("automatic matching", () => {
  const nationalId = testNationalId({ individual: 600 });

  it("finds the person by national ID across the trust's institutions, and no plain number is kept anywhere", async () => {
    const personId = await row(world.overviews.hvl.sheet.id, { lastName: "Berg", firstName: "Nora", nationalId });
    const r = await registerAndConfirm({
      firstName: "Nora",
      lastName: "Berg",
      email: "nora@student.uib.no",
      nationalId,
    });
    expect(r).toMatchObject({ personId, matchedBy: "national_id" });

    const dump = await databaseDump(t.database);
    expect(dump.includes(nationalId)).toBe(false);
    expect(logLines.filter((l) => l.includes(nationalId))).toEqual([]);
    const messages = await t.database.db.select().from(outboxMessages);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => `${m.subject}${m.textBody}${m.htmlBody}`.includes(nationalId))).toEqual([]);
  });

  it("finds the person by e-mail only within the campaign's institution", async () => {
    const uibPerson = await row(world.overviews.uib.sheet.id, {
      lastName: "Lie",
      firstName: "Eva",
      email: "eva@uib.test",
    });
    await row(world.overviews.hvl.sheet.id, { lastName: "Dal", firstName: "Ida", email: "ida@hvl.test" });
    expect(
      await registerAndConfirm({ firstName: "Eva", lastName: "Lie", email: "eva@uib.test", ...abroad }),
    ).toMatchObject({
      personId: uibPerson,
      matchedBy: "email",
    });
    expect(
      await registerAndConfirm({ firstName: "Ida", lastName: "Dal", email: "ida@hvl.test", ...abroad }),
    ).toMatchObject({
      personId: null,
      matchedBy: null,
    });
  });

  it("finds the person by name and birth date only within the campaign's institution", async () => {
    const uibPerson = await row(world.overviews.uib.sheet.id, {
      lastName: "Moe",
      firstName: "Tor",
      birthDate: "2004-05-06",
    });
    await row(world.overviews.hvl.sheet.id, { lastName: "Aas", firstName: "Liv", birthDate: "2004-05-06" });
    expect(
      await registerAndConfirm({ firstName: "Tor", lastName: "Moe", email: "tor@privat.test", ...abroad }),
    ).toMatchObject({
      personId: uibPerson,
      matchedBy: "name_birth_date",
    });
    expect(
      await registerAndConfirm({ firstName: "Liv", lastName: "Aas", email: "liv@privat.test", ...abroad }),
    ).toMatchObject({
      personId: null,
    });
  });
});

/** A student without a Norwegian national ID. */
const abroad = { birthDate: "2004-05-06", nationality: "SE", homeInstitution: "Lunds universitet" };
