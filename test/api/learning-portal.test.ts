import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningPortalItem } from "../../src/contracts/learning-portal.ts";
import type { ReadinessItem } from "../../src/contracts/orders.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import {
  learningPortalBatches,
  learningPortalRequests,
} from "../../src/server/modules/learning-portal/learning-portal.table.ts";
import { createOutboxWorker } from "../../src/server/modules/outbox/outbox.public.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { createSmtpMailer } from "../../src/server/shared/mail.ts";
import { testNationalId, withoutIds } from "../helpers/national-ids.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Læringsportalen users (SPEC §3.3, seed 5.3): the list of students of current and coming
 * placements who need a user made by hand, FOU's batch e-mail to the trust's address (sent by a
 * real SMTP server, without any ID number), marking users created, and the refusals. Today is
 * 28.11.2026 in Oslo.
 */
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const address = "laeringsportalen@helse-bergen.test";
let t: TestApp;
let world: World;
let smtp: TestSmtpServer;
const cookie: Record<"fou" | "admin" | "coordinator" | "fonnaFou", string> = {
  fou: "",
  admin: "",
  coordinator: "",
  fonnaFou: "",
};
const fnr = testNationalId({ individual: 610 });
const dnr = testNationalId({ individual: 620, kind: "dnr" });
/** Person ids by the student's first name. */
const person: Record<string, string> = {};

async function addSheet(who: string, overviewId: string, number: number, startDate: string, endDate: string) {
  const res = await t.call("POST", `/api/overviews/${overviewId}/sheets`, {
    cookie: who,
    body: { kind: "international", label: "Periode", number, startDate, endDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function addRow(who: string, sheetId: string, body: Record<string, unknown>) {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: who, body });
  expect(res.statusCode, res.body).toBe(201);
  const row = res.json().rows[0];
  return { rowId: row.id as string };
}

async function personOfRow(rowId: string) {
  const res = await t.call("GET", `/api/readiness?limit=200`, { cookie: cookie.fou });
  const line = (res.json().items as ReadinessItem[]).find((i) => i.rowId === rowId);
  return line?.personId as string;
}

const list = async (query = "", who = cookie.fou) => {
  const res = await t.call("GET", `/api/learning-portal${query}`, { cookie: who });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: LearningPortalItem[]; total: number; address: string | null };
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const b = seedBuilders(t.database.db);
  const fonnaFou = await b.user({ email: "fou@fonna.test", name: "Fia Fonna" });
  await b.membership({ userId: fonnaFou.id, trustId: world.trusts.fonna.id, role: "student_admin" });
  cookie.fou = await t.login(world.users.studentAdmin.email);
  cookie.admin = await t.login(world.users.admin.email);
  cookie.coordinator = await t.login(world.users.coordinatorUib.email);
  cookie.fonnaFou = await t.login("fou@fonna.test");
  const fonnaAdmin = await t.login(world.users.fonnaAdmin.email);

  const uibIntl = await addSheet(cookie.fou, world.overviews.uib.overview.id, 17, "2027-01-11", "2027-02-19");
  const uibEnded = await addSheet(cookie.fou, world.overviews.uib.overview.id, 18, "2026-09-01", "2026-10-09");
  const hvlIntl = await addSheet(cookie.fou, world.overviews.hvl.overview.id, 17, "2026-11-16", "2026-12-18");
  const fonnaIntl = await addSheet(fonnaAdmin, world.overviews.fonna.overview.id, 17, "2027-01-11", "2027-02-19");
  const rows = {
    Ana: await addRow(cookie.fou, uibIntl, {
      lastName: "García",
      firstName: "Ana",
      email: "ana.garcia@us.es",
      homeInstitution: "Universidad de Sevilla",
    }),
    Jonas: await addRow(cookie.fou, uibIntl, {
      lastName: "Müller",
      firstName: "Jonas",
      email: "jonas.mueller@tum.de",
      homeInstitution: "TU München",
      dNumber: dnr,
    }),
    Emma: await addRow(cookie.fou, uibIntl, {
      lastName: "Smith",
      firstName: "Emma",
      email: "emma.smith@ed.ac.uk",
      homeInstitution: "University of Edinburgh",
      nationalId: fnr,
    }),
    Old: await addRow(cookie.fou, uibEnded, {
      lastName: "Dupont",
      firstName: "Old",
      email: "old.dupont@sorbonne.fr",
      homeInstitution: "Sorbonne",
    }),
    Luca: await addRow(cookie.fou, hvlIntl, {
      lastName: "Rossi",
      firstName: "Luca",
      email: "luca.rossi@unibo.it",
      homeInstitution: "Università di Bologna",
    }),
    Fonna: await addRow(fonnaAdmin, fonnaIntl, {
      lastName: "Fonnesen",
      firstName: "Fonna",
      email: "fonna@uni.test",
      homeInstitution: "Fonna-universitetet",
    }),
  };
  for (const [name, r] of Object.entries(rows)) if (name !== "Fonna") person[name] = await personOfRow(r.rowId);
  const [fonnaPerson] = await t.database.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.trustId, world.trusts.fonna.id), eq(persons.firstName, "Fonna")));
  person.Fonna = fonnaPerson?.id as string;
  person.rowAna = rows.Ana.rowId;
});

afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("the Læringsportalen list", () => {
  it("lists the trust's international students of current and coming placements without a Norwegian ID, once each, without IDs", async () => {
    const all = await list();
    expect(all.items.map((i) => i.firstName)).toEqual(["Luca", "Ana"]);
    expect(all.total).toBe(2);
    expect(all.address).toBeNull();
    expect(all.items[1]).toMatchObject({
      personId: person.Ana,
      lastName: "García",
      email: "ana.garcia@us.es",
      homeInstitution: "Universidad de Sevilla",
      institution: { shortName: "UiB" },
      startDate: "2027-01-11",
      state: "needed",
      batch: null,
    });
    const body = JSON.stringify(all);
    expect(body).not.toContain(fnr);
    expect(body).not.toContain(dnr);
    expect(body).not.toMatch(/nationalId|dNumber/);
  });

  it("filters by state, institution and search, sorts and pages", async () => {
    expect((await list(`?institutionId=${world.institutions.hvl.id}`)).items.map((i) => i.firstName)).toEqual(["Luca"]);
    expect((await list("?q=sevilla")).items.map((i) => i.firstName)).toEqual(["Ana"]);
    expect((await list("?state=requested")).total).toBe(0);
    expect((await list("?sort=name&dir=asc")).items.map((i) => i.firstName)).toEqual(["Ana", "Luca"]);
    const page = await list("?sort=name&limit=1&offset=1");
    expect(page).toMatchObject({ total: 2, items: [{ firstName: "Luca" }] });
  });

  it("is FOU's and the admins' (reading); coordinators are refused", async () => {
    expect((await list("", cookie.admin)).total).toBe(2);
    const res = await t.call("GET", "/api/learning-portal", { cookie: cookie.coordinator });
    expect(res.statusCode).toBe(403);
    const send = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.coordinator, body: {} });
    expect(send.statusCode).toBe(403);
    const adminSend = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.admin, body: {} });
    expect(adminSend.statusCode).toBe(403);
  });

  it("counts the students waiting on FOU's start page, as many as the list's needed ones", async () => {
    const res = await t.call("GET", "/api/dashboard", { cookie: cookie.fou });
    const item = (res.json().items as { key: string; count: number; link: string }[]).find(
      (i) => i.key === "learningPortalWaiting",
    );
    expect(item).toEqual({ key: "learningPortalWaiting", count: 2, link: "/laeringsportalen?status=needed" });
    expect((await list("?state=needed")).total).toBe(item?.count);
  });
});

describe("a Læringsportalen batch", () => {
  it("is refused until the trust's address is set, naming the setting, and nothing changes", async () => {
    const res = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.fou, body: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "learning_portal.no_address",
      details: { setting: "learningPortalEmail" },
    });
    expect(await t.database.db.select().from(learningPortalBatches)).toEqual([]);
    const set = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookie.admin,
      body: { learningPortalEmail: address },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await list()).address).toBe(address);
  });

  it("refuses a person who needs no user, another trust's person and an empty batch", async () => {
    const notNeeded = await t.call("POST", "/api/learning-portal/batches", {
      cookie: cookie.fou,
      body: { personIds: [person.Ana, person.Emma] },
    });
    expect(notNeeded.statusCode).toBe(409);
    expect(notNeeded.json()).toMatchObject({
      code: "learning_portal.not_needed",
      details: { personId: person.Emma, name: "Emma Smith" },
    });
    const ended = await t.call("POST", "/api/learning-portal/batches", {
      cookie: cookie.fou,
      body: { personIds: [person.Old] },
    });
    expect(ended.json().code).toBe("learning_portal.not_needed");
    const foreign = await t.call("POST", "/api/learning-portal/batches", {
      cookie: cookie.fou,
      body: { personIds: [person.Fonna] },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("learning_portal.not_found");
    const empty = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.fou, body: { personIds: [] } });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe("learning_portal.empty_batch");
    expect(await t.database.db.select().from(learningPortalBatches)).toEqual([]);
    expect((await list("?state=needed")).total).toBe(2);
  });

  it("sends every one needed in one e-mail to the address, with names, e-mail addresses and home institutions and no ID number", async () => {
    const res = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.fou, body: {} });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    expect(batch).toMatchObject({ number: 1, toAddress: address, personCount: 2 });
    expect([...batch.personIds].sort()).toEqual([person.Ana, person.Luca].sort());

    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: "Praksistilgang <ikke-svar@praksistilgang.no>" });
    await createOutboxWorker({ db: t.database.db, mailer }).runOnce(clock.now());
    const mails = smtp.received.filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    expect(mail.subject).toContain("Læringsportalen");
    for (const text of [
      "Ana García",
      "ana.garcia@us.es",
      "Universidad de Sevilla",
      "Luca Rossi",
      "luca.rossi@unibo.it",
      "Università di Bologna",
      "11.01.2027",
    ]) {
      expect(mail.text).toContain(text);
    }
    expect(mail.text).not.toContain("Jonas");
    expect(mail.text).not.toContain("Emma");
    expect(withoutIds(mail.text)).not.toMatch(/\d{11}/);
    expect(mail.raw).not.toContain(fnr);
    expect(mail.raw).not.toContain(dnr);

    const requested = await list("?state=requested");
    expect(requested.total).toBe(2);
    expect(requested.items[0]?.batch).toMatchObject({ id: batch.id, number: 1 });
    expect(await t.database.db.select().from(learningPortalRequests)).toHaveLength(2);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "person"), eq(auditEvents.action, "learning_portal_request")));
    expect(audits.map((a) => a.entityId).sort()).toEqual([person.Ana, person.Luca].sort());
    expect(audits[0]?.fields).toEqual(["learning_portal_state", "learning_portal_batch"]);
  });

  it("shows the state on the row, in the readiness line and on the start page", async () => {
    const rows = await t.call("GET", `/api/readiness?limit=200`, { cookie: cookie.fou });
    const line = (rows.json().items as ReadinessItem[]).find((i) => i.rowId === person.rowAna);
    expect(line?.learningPortal).toBe("requested");
    const other = (rows.json().items as ReadinessItem[]).find((i) => i.personId === person.Emma);
    expect(other?.learningPortal).toBe("not_needed");
    const sheetId = line?.sheetId as string;
    const sheet = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.fou });
    const byName = new Map(
      (sheet.json().rows as { firstName: string; learningPortalState: string }[]).map((r) => [
        r.firstName,
        r.learningPortalState,
      ]),
    );
    expect(Object.fromEntries(byName)).toMatchObject({ Ana: "requested", Jonas: "not_needed", Emma: "not_needed" });
    const dashboard = await t.call("GET", "/api/dashboard", { cookie: cookie.fou });
    expect(dashboard.json().items).toContainEqual(expect.objectContaining({ key: "learningPortalWaiting", count: 0 }));

    // The export's "Learning portal user" column says the same.
    const file = await t.call("GET", `/api/overviews/${world.overviews.uib.overview.id}/export`, {
      cookie: cookie.fou,
    });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const ws of workbook.worksheets) ws.eachRow((row) => texts.push((row.values as unknown[]).join("|")));
    const ana = texts.find((r) => r.includes("García") && r.includes("Ana"));
    const emma = texts.find((r) => r.includes("Smith") && r.includes("Emma"));
    expect(ana).toMatch(/Requested|Bestilt/);
    expect(emma).not.toMatch(/Requested|Bestilt/);
  });

  it("refuses a person already requested and a batch with no one left in it", async () => {
    const again = await t.call("POST", "/api/learning-portal/batches", {
      cookie: cookie.fou,
      body: { personIds: [person.Ana] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "learning_portal.already_requested",
      details: { personId: person.Ana, name: "Ana García", state: "requested" },
    });
    const none = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.fou, body: {} });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe("learning_portal.empty_batch");
  });

  it("numbers batches per trust", async () => {
    await t.call("PATCH", "/api/trust/settings", {
      cookie: await t.login(world.users.fonnaAdmin.email),
      body: { learningPortalEmail: "lp@fonna.test" },
    });
    const res = await t.call("POST", "/api/learning-portal/batches", { cookie: cookie.fonnaFou, body: {} });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: 1, personCount: 1, personIds: [person.Fonna] });
  });
});

describe("marking Læringsportalen users created", () => {
  it("moves requested to created, audited; a second time is 409 and another trust's person 404", async () => {
    const res = await t.call("POST", "/api/learning-portal/mark-created", {
      cookie: cookie.fou,
      body: { personIds: [person.Ana] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, personIds: [person.Ana] });
    expect((await list("?state=created")).items.map((i) => i.firstName)).toEqual(["Ana"]);
    const [request] = await t.database.db
      .select()
      .from(learningPortalRequests)
      .where(eq(learningPortalRequests.personId, person.Ana as string));
    expect(request?.createdBy).toBe(world.users.studentAdmin.id);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.Ana as string), eq(auditEvents.action, "learning_portal_created")));
    expect(audits).toHaveLength(1);

    const twice = await t.call("POST", "/api/learning-portal/mark-created", {
      cookie: cookie.fou,
      body: { personIds: [person.Luca, person.Ana] },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: "learning_portal.already_created", details: { name: "Ana García" } });
    expect((await list("?state=requested")).items.map((i) => i.firstName)).toEqual(["Luca"]);

    const foreign = await t.call("POST", "/api/learning-portal/mark-created", {
      cookie: cookie.fou,
      body: { personIds: [person.Fonna] },
    });
    expect(foreign.statusCode).toBe(404);
    const notNeeded = await t.call("POST", "/api/learning-portal/mark-created", {
      cookie: cookie.fou,
      body: { personIds: [person.Emma] },
    });
    expect(notNeeded.statusCode).toBe(409);
    expect(notNeeded.json().code).toBe("learning_portal.not_needed");
    const coordinator = await t.call("POST", "/api/learning-portal/mark-created", {
      cookie: cookie.coordinator,
      body: { personIds: [person.Luca] },
    });
    expect(coordinator.statusCode).toBe(403);
  });
});

describe("D-number holders and merged persons", () => {
  it("lists D-number holders when the trust's setting says they need a user too", async () => {
    expect((await list()).items.map((i) => i.firstName)).not.toContain("Jonas");
    const set = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookie.admin,
      body: { dNumberNeedsManualUser: true },
    });
    expect(set.statusCode, set.body).toBe(200);
    const needed = await list("?state=needed");
    expect(needed.items.map((i) => i.firstName)).toEqual(["Jonas"]);
    expect(JSON.stringify(needed)).not.toContain(dnr);
  });

  it("moves a merged person's requests to the person kept", async () => {
    const res = await t.call("POST", `/api/persons/${person.Emma}/merge`, {
      cookie: cookie.fou,
      body: { otherId: person.Luca },
    });
    expect(res.statusCode, res.body).toBe(200);
    const requests = await t.database.db.select().from(learningPortalRequests);
    expect(requests.filter((r) => r.personId === person.Luca)).toEqual([]);
    expect(requests.filter((r) => r.personId === person.Emma)).toHaveLength(1);
  });
});
