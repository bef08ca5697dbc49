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
