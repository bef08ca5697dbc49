import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxWorker } from "../../src/server/modules/outbox/outbox.worker.ts";
import { createSmtpMailer } from "../../src/server/shared/mail.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

const clock = createTestClock();
let t: TestApp;
let world: World;
let smtp: TestSmtpServer;
let mailer: ReturnType<typeof createSmtpMailer>;
let admin: string;

/** Sends what is in the outbox to the real SMTP server now. */
const deliver = () => createOutboxWorker({ db: t.database.db, mailer }).runOnce(clock.now());
const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
/** The pending request from `email`. */
const pendingFrom = async (email: string) =>
  (
    (await t.call("GET", "/api/account-requests?status=pending", { cookie: admin })).json() as {
      id: string;
      email: string;
      existingUser: boolean;
    }[]
  ).find((r) => r.email === email) as { id: string; existingUser: boolean };
const tokenIn = (text: string) => /sett-passord\?token=([\w-]+)/.exec(text)?.[1] as string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = createSmtpMailer({ smtpUrl: smtp.url, from: "Praksistilgang <ikke-svar@praksistilgang.no>" });
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await t.close();
});

const request = (over: Record<string, unknown> = {}) => ({
  trustId: world.trusts.bergen.id,
  name: "Siv Koordinatorsen",
  email: "siv.k@hvl.test",
  institutionId: world.institutions.hvl.id,
  role: "coordinator",
  message: "Ny praksiskoordinator for sykepleie",
  ...over,
});

describe("asking for an account", () => {
  it("offers the trusts and their institutions to anyone", async () => {
    const res = await t.call("GET", "/api/public/trusts");
    expect(res.statusCode).toBe(200);
    const bergen = res.json().find((x: { name: string }) => x.name === "Helse Bergen");
    expect(bergen.institutions.map((i: { shortName: string }) => i.shortName)).toEqual(["HVL", "UiB"]);
  });

  it("notifies the trust's admins in the app and by e-mail through a real SMTP server", async () => {
    const res = await t.call("POST", "/api/account-requests", { body: request() });
    expect(res.statusCode).toBe(202);
    const bell = (await t.call("GET", "/api/notifications", { cookie: admin })).json();
    expect(bell.items).toContainEqual(
      expect.objectContaining({
        kind: "account_request.received",
        text: "Siv Koordinatorsen (HVL) ber om tilgang til Praksistilgang",
        link: "/admin/tilgangsforesporsler",
      }),
    );
    await deliver();
    const mails = mailTo(world.users.admin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("Siv Koordinatorsen (HVL) ber om tilgang");
    expect(mailTo(world.users.fonnaAdmin.email)).toHaveLength(0);
  });

  it("answers the same for a repeated request and refuses a coordinator without institution", async () => {
    expect((await t.call("POST", "/api/account-requests", { body: request() })).statusCode).toBe(202);
    const list = (await t.call("GET", "/api/account-requests?status=pending", { cookie: admin })).json();
    expect(list.filter((r: { email: string }) => r.email === "siv.k@hvl.test")).toHaveLength(1);
    const bad = await t.call("POST", "/api/account-requests", { body: request({ institutionId: null }) });
    expect(bad.statusCode).toBe(400);
    const admins = await t.call("POST", "/api/account-requests", { body: request({ role: "admin" }) });
    expect(admins.statusCode).toBe(400);
    const foreign = await t.call("POST", "/api/account-requests", {
      body: request({ institutionId: world.institutions.fsv.id }),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe("account_requests.no_agreement");
  });
});

describe("deciding", () => {
  it("approves: the person gets the role and an invitation to set a password, which works once", async () => {
    const pending = await pendingFrom("siv.k@hvl.test");
    const res = await t.call("POST", `/api/account-requests/${pending.id}/approve`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "approved", decidedBy: { name: "Ingrid Haugland" } });
    expect((await t.call("POST", `/api/account-requests/${pending.id}/approve`, { cookie: admin })).statusCode).toBe(
      409,
    );

    await deliver();
    const [invitation] = mailTo("siv.k@hvl.test");
    expect(invitation?.subject).toBe("Du har fått tilgang til Praksistilgang (Helse Bergen)");
    const token = tokenIn(invitation?.text ?? "");
    expect(token).toBeTruthy();

    const set = await t.call("POST", "/api/auth/set-password", { body: { token, password: "mitt-nye-passord" } });
    expect(set.statusCode).toBe(200);
    const cookie = await t.login("siv.k@hvl.test", "mitt-nye-passord");
    const institutions = (await t.call("GET", "/api/institutions", { cookie })).json();
    expect(institutions.map((i: { shortName: string }) => i.shortName)).toEqual(["HVL"]);
    const again = await t.call("POST", "/api/auth/set-password", { body: { token, password: "et-annet-passord" } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("invitations.invalid");
    expect((await auditRows(t, pending.id)).map((r) => r.action).sort()).toEqual(["approve", "create"]);
  });

  it("declines with a reason that reaches the person by e-mail", async () => {
    await t.call("POST", "/api/account-requests", {
      body: request({ name: "Ukjent Person", email: "ukjent@hvl.test", role: "student_admin", institutionId: null }),
    });
    const pending = await pendingFrom("ukjent@hvl.test");
    const res = await t.call("POST", `/api/account-requests/${pending.id}/decline`, {
      cookie: admin,
      body: { reason: "FOU-rollen gis bare til ansatte i helseforetaket." },
    });
    expect(res.json()).toMatchObject({
      status: "declined",
      declineReason: "FOU-rollen gis bare til ansatte i helseforetaket.",
    });
    await deliver();
    expect(mailTo("ukjent@hvl.test")[0]?.text).toContain("FOU-rollen gis bare til ansatte i helseforetaket.");
    const login = await t.call("POST", "/api/auth/login", {
      body: { email: "ukjent@hvl.test", password: "hva-som-helst-1" },
    });
    expect(login.statusCode).toBe(401);
  });

  it("refuses a too-short password and leaves the invitation usable", async () => {
    await t.call("POST", "/api/account-requests", {
      body: request({ name: "Kari Kortpassord", email: "kari.k@hvl.test" }),
    });
    const pending = await pendingFrom("kari.k@hvl.test");
    expect((await t.call("POST", `/api/account-requests/${pending.id}/approve`, { cookie: admin })).statusCode).toBe(
      200,
    );
    await deliver();
    const [invitation] = mailTo("kari.k@hvl.test");
    const token = tokenIn(invitation?.text ?? "");
    expect(token).toBeTruthy();

    const short = await t.call("POST", "/api/auth/set-password", { body: { token, password: "for kort" } });
    expect(short.statusCode).toBe(400);
    const set = await t.call("POST", "/api/auth/set-password", { body: { token, password: "langt-nok-passord" } });
    expect(set.statusCode).toBe(200);
    await t.login("kari.k@hvl.test", "langt-nok-passord");
  });

  it("refuses a decline without a reason and leaves the request pending", async () => {
    await t.call("POST", "/api/account-requests", {
      body: request({ name: "Uten Grunn", email: "uten.grunn@hvl.test" }),
    });
    const pending = await pendingFrom("uten.grunn@hvl.test");
    expect(pending).toBeDefined();
    for (const body of [{}, { reason: "   " }]) {
      const res = await t.call("POST", `/api/account-requests/${pending.id}/decline`, { cookie: admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const still = await pendingFrom("uten.grunn@hvl.test");
    expect(still?.id).toBe(pending.id);
    const declined = (await t.call("GET", "/api/account-requests?status=declined", { cookie: admin })).json() as {
      email: string;
    }[];
    expect(declined.map((r) => r.email)).not.toContain("uten.grunn@hvl.test");
  });

  it("gives an existing person the new role without a new password", async () => {
    await t.call("POST", "/api/account-requests", {
      body: request({ name: "Thomas Vik", email: world.users.itProvider.email, role: "ehealth", institutionId: null }),
    });
    const pending = await pendingFrom(world.users.itProvider.email);
    expect(pending.existingUser).toBe(true);
    await t.call("POST", `/api/account-requests/${pending.id}/approve`, { cookie: admin });
    const cookie = await t.login(world.users.itProvider.email);
    const me = (await t.call("GET", "/api/auth/me", { cookie })).json();
    expect(me.roles.sort()).toEqual(["ehealth", "it_provider"]);
    const bell = (await t.call("GET", "/api/notifications", { cookie })).json();
    expect(bell.items.map((n: { text: string }) => n.text)).toContain("Du har fått rollen E-helse i Helse Bergen");
  });

  it("is for the trust's admins only", async () => {
    const [any] = (await t.call("GET", "/api/account-requests", { cookie: admin })).json();
    const fonna = await t.login(world.users.fonnaAdmin.email);
    expect(
      (await t.call("POST", `/api/account-requests/${any.id}/decline`, { cookie: fonna, body: { reason: "Nei" } }))
        .statusCode,
    ).toBe(404);
    const fou = await t.login(world.users.studentAdmin.email);
    expect((await t.call("GET", "/api/account-requests", { cookie: fou })).statusCode).toBe(403);
  });
});

describe("admins creating a person without a password", () => {
  it("sends an invitation to set one", async () => {
    const res = await t.call("POST", "/api/users", {
      cookie: admin,
      body: {
        name: "Per Uten Passord",
        email: "per.u@uib.test",
        membership: { role: "coordinator", institutionId: world.institutions.uib.id },
      },
    });
    expect(res.statusCode).toBe(201);
    await deliver();
    const token = tokenIn(mailTo("per.u@uib.test")[0]?.text ?? "");
    expect(
      (await t.call("POST", "/api/auth/set-password", { body: { token, password: "per-sitt-passord" } })).statusCode,
    ).toBe(200);
    await t.login("per.u@uib.test", "per-sitt-passord");
  });
});
