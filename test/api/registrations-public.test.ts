import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { linksIn, mailTo, studentForm, tokenOf } from "../helpers/registration.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
let t: TestApp;
let world: World;
let fou: string;
let token: string;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  const res = await t.call("POST", "/api/campaigns", {
    cookie: fou,
    body: { institutionId: world.institutions.uib.id, deadline: "2026-08-20" },
  });
  expect(res.statusCode).toBe(201);
  campaignId = res.json().id;
  token = tokenOf(res.json().publicUrl);
});
afterAll(() => t.close());

const register = (body: Record<string, unknown>, using = token) =>
  t.call("POST", `/api/public/campaigns/${using}/registrations`, { body: studentForm(body) });

describe("the public form", () => {
  it("shows what the form needs of the campaign, and nobody's registration", async () => {
    const res = await t.call("GET", `/api/public/campaigns/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      trustName: "Helse Bergen",
      institutionName: "Universitetet i Bergen",
      deadline: "2026-08-20",
      open: true,
      testMode: true,
    });
  });

  it("registers, sends the confirmation e-mail without the national ID, and confirms the address", async () => {
    const nationalId = testNationalId({ individual: 510 });
    const email = "kari.nordmann@student.uib.no";
    const res = await register({ nationalId, email });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true, email });

    const [mail] = await mailTo(t, email);
    expect(mail?.template).toBe("registration-confirm");
    expect(mail?.textBody).not.toContain(nationalId);
    expect(mail?.textBody).toContain("Helse Vest IKT");
    const links = linksIn(mail?.textBody ?? "");
    expect(links.confirm).toBeDefined();
    expect(links.personal).toBeDefined();

    const confirmed = await t.call("POST", `/api/public/confirmations/${links.confirm}`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ confirmed: "email", language: "nb", trustName: "Helse Bergen" });
    const again = await t.call("POST", `/api/public/confirmations/${links.confirm}`);
    expect(again.statusCode).toBe(404);

    const [row] = await t.database.db.select().from(registrations).where(eq(registrations.email, email));
    expect(row?.emailConfirmedAt).not.toBeNull();
    expect(row?.matchedBy).toBe("national_id");
    const [person] = await t.database.db
      .select()
      .from(persons)
      .where(eq(persons.id, row?.personId as string));
    expect(person?.registeredAt).not.toBeNull();
    // The address the registration confirmed is the person's: the username is sent to it (seed 5.2 b).
    expect(person?.email).toBe(email);
    expect(person?.emailConfirmedAt?.toISOString()).toBe(row?.emailConfirmedAt?.toISOString());
    const audit = await auditRows(t, row?.id as string);
    expect(audit.map((a) => a.action).sort()).toEqual(["confirm_email", "create", "match"]);

    const campaign = await t.call("GET", `/api/campaigns/${campaignId}`, { cookie: fou });
    expect(campaign.json().counts).toEqual({ unconfirmed: 0, confirmed: 1, matched: 0, transferred: 0 });
  });

  it("names every field at fault in the answer", async () => {
    const res = await register({ email: "ikke-en-adresse", mobile: "12", nationalId: null });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["email"]));
  });
});

describe("the personal page", () => {
  let personal: string;
  const email = "ola.hansen@student.uib.no";

  beforeAll(async () => {
    expect(
      (await register({ firstName: "Ola", lastName: "Hansen", email, nationalId: testNationalId({ individual: 520 }) }))
        .statusCode,
    ).toBe(202);
    personal = linksIn((await mailTo(t, email))[0]?.textBody ?? "").personal as string;
  });

  it("shows the state and the contact details", async () => {
    const res = await t.call("GET", `/api/public/registrations/${personal}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      firstName: "Ola",
      email,
      mobile: "+4791234567",
      emailConfirmed: false,
      step: "registered",
      editable: true,
      deadline: "2026-08-20",
    });
  });

  it("corrects the mobile, and a new e-mail address is confirmed again at that address", async () => {
    const bad = await t.call("PATCH", `/api/public/registrations/${personal}`, { body: { mobile: "12" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues).toEqual([{ path: "mobile", message: "mobile.invalid" }]);
    const res = await t.call("PATCH", `/api/public/registrations/${personal}`, {
      body: { mobile: "+46 70 123 45 67", email: "ola@privat.test", language: "en" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mobile: "+46701234567",
      email: "ola@privat.test",
      language: "en",
      emailConfirmed: false,
    });
    const [mail] = await mailTo(t, "ola@privat.test");
    expect(mail?.template).toBe("registration-confirm");
    expect(mail?.language).toBe("en");
    expect((await t.call("GET", `/api/public/registrations/${personal}`)).statusCode).toBe(200);
  });

  it("resends the links to the address on record, with the same answer for an unknown address", async () => {
    const before = (await mailTo(t, "ola@privat.test")).length;
    const known = await t.call("POST", "/api/public/resend", {
      body: { email: "OLA@privat.test", campaignToken: token },
    });
    const unknown = await t.call("POST", "/api/public/resend", {
      body: { email: "ingen@privat.test", campaignToken: token },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const mails = await mailTo(t, "ola@privat.test");
    expect(mails.length).toBe(before + 1);
    expect(await mailTo(t, "ingen@privat.test")).toEqual([]);
    const [resent] = await mailTo(t, "ola@privat.test", "registration-links");
    const fresh = linksIn(resent?.textBody ?? "");
    expect((await t.call("GET", `/api/public/registrations/${fresh.personal}`)).statusCode).toBe(200);
    expect((await t.call("GET", `/api/public/registrations/${personal}`)).statusCode).toBe(404);
    expect((await t.call("POST", `/api/public/confirmations/${fresh.confirm}`)).statusCode).toBe(200);
  });
});

describe("a second registration with a known national ID", () => {
  it("overwrites nothing, answers as for a new one, and waits for a confirmation from the address on record", async () => {
    const nationalId = testNationalId({ individual: 530 });
    const first = await register({ firstName: "Siri", lastName: "Vik", email: "siri@student.uib.no", nationalId });
    const second = await register({
      firstName: "Siri",
      lastName: "Vik",
      email: "kapret@angriper.test",
      nationalId,
      mobile: "98765432",
    });
    const fresh = await register({
      firstName: "Ny",
      lastName: "Student",
      email: "ny@student.uib.no",
      nationalId: testNationalId({ individual: 540 }),
    });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(second.json())).toEqual(Object.keys(fresh.json()));
    expect(second.json()).toEqual({ ok: true, email: "kapret@angriper.test" });

    expect(await mailTo(t, "kapret@angriper.test")).toEqual([]);
    const [change] = await mailTo(t, "siri@student.uib.no", "registration-confirm-change");
    expect(change).toBeDefined();
    const [original] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, "siri@student.uib.no"));
    expect(original?.mobile).toBe("+4791234567");

    const applied = await t.call("POST", `/api/public/confirmations/${linksIn(change?.textBody ?? "").confirm}`);
    expect(applied.json().confirmed).toBe("change");
    const [after] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, original?.id as string));
    expect(after).toMatchObject({ email: "kapret@angriper.test", mobile: "+4798765432" });
  });
});

describe("a closed campaign", () => {
  let closedToken: string;
  let closedId: string;

  beforeAll(async () => {
    const res = await t.call("POST", "/api/campaigns", {
      cookie: fou,
      body: { institutionId: world.institutions.uib.id, deadline: "2026-08-12", name: "Sen kampanje" },
    });
    closedId = res.json().id;
    closedToken = tokenOf(res.json().publicUrl);
  });

  it("refuses registrations after 23:59 Oslo on the deadline, and says so on the form", async () => {
    clock.advance(3 * 24 * 3_600_000);
    try {
      expect((await t.call("GET", `/api/public/campaigns/${closedToken}`)).json().open).toBe(false);
      const res = await register(
        { email: "sen@student.uib.no", nationalId: testNationalId({ individual: 550 }) },
        closedToken,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("registration.campaign_closed");
    } finally {
      clock.advance(-3 * 24 * 3_600_000);
    }
  });

  it("lets one late student register through a personal link after the deadline", async () => {
    clock.advance(3 * 24 * 3_600_000);
    try {
      const link = await t.call("POST", `/api/campaigns/${closedId}/personal-links`, {
        cookie: await t.login(world.users.studentAdmin.email),
        body: { note: "Sen student", validUntil: "2026-08-20" },
      });
      expect(link.statusCode).toBe(201);
      const late = tokenOf(link.json().url);
      expect((await t.call("GET", `/api/public/campaigns/${late}`)).json()).toMatchObject({
        open: true,
        deadline: "2026-08-20",
      });
      const res = await register(
        { email: "sen@student.uib.no", nationalId: testNationalId({ individual: 560 }) },
        late,
      );
      expect(res.statusCode).toBe(202);
      const [row] = await t.database.db
        .select()
        .from(registrations)
        .where(eq(registrations.email, "sen@student.uib.no"));
      expect(row?.source).toBe("personal_link");
      expect(row?.campaignId).toBe(closedId);
    } finally {
      clock.advance(-3 * 24 * 3_600_000);
    }
  });

  it("answers 404 for a token nobody issued", async () => {
    const res = await t.call("GET", `/api/public/campaigns/${"A".repeat(43)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("registration.link_not_found");
  });
});
