import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderLine } from "../../src/contracts/orders.ts";
import { loadConfig } from "../../src/server/config.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { orderLines, usernameMails } from "../../src/server/modules/orders/orders.table.ts";
import { usernameMailJobs } from "../../src/server/modules/orders/username-mails.jobs.ts";
import { createOutboxWorker } from "../../src/server/modules/outbox/outbox.public.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { createSmtpMailer } from "../../src/server/shared/mail.ts";
import { withoutIds } from "../helpers/national-ids.ts";
import { type SeedLine, seedOrderLines } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The IT provider's queue (issue 13): Helse Vest IKT serves Helse Bergen and Helse Fonna, not Helse
 * Førde; it approves, rejects and implements lines in bulk, each request all or nothing; usernames
 * follow the national ID across the trusts; the username e-mail waits for its day.
 */
const clock = createTestClock(new Date("2027-02-01T08:00:00Z"));
let t: TestApp;
let world: World;
let smtp: TestSmtpServer;
const cookies: Record<string, string> = {};
const ids = {
  anna: [] as string[],
  bjorn: "",
  annaFonna: "",
  forde: "",
  draft: "",
  bulk: [] as string[],
  fonnaBulk: "",
};
const annaHash = "hash-anna-region";

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  smtp = await startSmtpServer();
  const db = t.database.db;
  const b = seedBuilders(db);
  const { bergen, fonna } = world.trusts;
  await db.update(trusts).set({ appSendsUsernames: true, usernameDaysBefore: 7 }).where(eq(trusts.id, bergen.id));
  await b.membership({ userId: world.users.itProvider.id, trustId: fonna.id, role: "it_provider" });

  const pacs = await b.clinicalSystem({ trustId: bergen.id, name: "PACS", roles: ["Student"] });
  const version = world.clinical.doctorProfile.version.id;
  const row = async (sheetId: string, personId: string, values: Partial<typeof placementRows.$inferInsert> = {}) =>
    (
      await db
        .insert(placementRows)
        .values({ sheetId, position: 5, lastName: "Rad", firstName: "Rad", personId, ...values })
        .returning()
    )[0]?.id as string;
  const uib = world.overviews.uib;
  const anna = await b.student({
    trustId: bergen.id,
    firstName: "Anna",
    lastName: "Aase",
    email: "anna@student.test",
    emailConfirmedAt: new Date("2027-01-10T10:00:00Z"),
    nationalIdHash: annaHash,
    language: "nn",
  });
  const annaRow = await row(uib.sheet.id, anna.id, { startDate: "2027-03-01", previousUsername: "anna.gammel" });
  const bjorn = await b.student({ trustId: bergen.id, firstName: "Bjørn", lastName: "Berg" });
  const bjornRow = await row(uib.sheet.id, bjorn.id, { startDate: "2027-03-08" });
  const dips = world.clinical.dips.id;
  const line = (rowId: string, personId: string, state: SeedLine["state"], extra: Partial<SeedLine> = {}) => ({
    rowId,
    personId,
    systemId: dips,
    role: "Student lege",
    profileVersionId: version,
    state,
    ...extra,
  });
  const order = await seedOrderLines(db, {
    trustId: bergen.id,
    institutionId: world.institutions.uib.id,
    overviewId: uib.overview.id,
    sheetId: uib.sheet.id,
    by: world.users.studentAdmin.id,
    reference: "SP-100",
    lines: [
      line(annaRow, anna.id, "ordered"),
      line(annaRow, anna.id, "ordered", { systemId: pacs.id, role: "Student" }),
      line(bjornRow, bjorn.id, "ordered", { validFrom: "2027-03-08" }),
    ],
  });
  ids.anna = order.lines.slice(0, 2).map((l) => l.id);
  ids.bjorn = order.lines[2]?.id as string;

  // Six more students at HVL for paging and filters, starting a week apart.
  const hvl = world.overviews.hvl;
  const bulk: SeedLine[] = [];
  for (let i = 0; i < 6; i++) {
    const p = await b.student({ trustId: bergen.id, firstName: `Student${i}`, lastName: `Hvl${i}` });
    bulk.push(line(await row(hvl.sheet.id, p.id), p.id, "ordered", { validFrom: `2027-04-0${i + 1}` }));
  }
  ids.bulk = (
    await seedOrderLines(db, {
      trustId: bergen.id,
      institutionId: world.institutions.hvl.id,
      overviewId: hvl.overview.id,
      sheetId: hvl.sheet.id,
      by: world.users.studentAdmin.id,
      lines: bulk,
    })
  ).lines.map((l) => l.id);

  const carl = await b.student({ trustId: bergen.id, firstName: "Carl", lastName: "Utkast" });
  ids.draft = (
    await seedOrderLines(db, {
      trustId: bergen.id,
      institutionId: world.institutions.uib.id,
      overviewId: uib.overview.id,
      sheetId: uib.sheet.id,
      by: world.users.studentAdmin.id,
      lines: [line(await row(uib.sheet.id, carl.id), carl.id, "draft")],
    })
  ).lines[0]?.id as string;

  // Anna at Helse Fonna: another person of that trust, the same national ID.
  const fonnaAnna = await b.student({
    trustId: fonna.id,
    firstName: "Anna",
    lastName: "Aase",
    nationalIdHash: annaHash,
  });
  const fo = world.overviews.fonna;
  const fonnaLine = (rowId: string, personId: string, validFrom: string) => ({
    rowId,
    personId,
    systemId: world.clinical.fonnaDips.id,
    role: "Student sykepleie",
    profileVersionId: world.clinical.fonnaNurseProfile.version.id,
    state: "ordered" as const,
    validFrom,
  });
  const fonnaOther = await b.student({ trustId: fonna.id, firstName: "Frode", lastName: "Fonn" });
  const fonnaOrder = await seedOrderLines(db, {
    trustId: fonna.id,
    institutionId: world.institutions.fsv.id,
    overviewId: fo.overview.id,
    sheetId: fo.sheet.id,
    by: world.users.fonnaAdmin.id,
    lines: [
      fonnaLine(await row(fo.sheet.id, fonnaAnna.id), fonnaAnna.id, "2027-09-01"),
      fonnaLine(await row(fo.sheet.id, fonnaOther.id), fonnaOther.id, "2027-03-15"),
    ],
  });
  ids.annaFonna = fonnaOrder.lines[0]?.id as string;
  ids.fonnaBulk = fonnaOrder.lines[1]?.id as string;

  // Helse Førde: a trust the IT provider does not serve.
  const forde = await b.trust({ name: "Helse Førde" });
  const hvlForde = await b.institution({ name: "Førde høgskule", shortName: "FH" });
  const fordeProfession = await b.profession({ trustId: forde.id, name: "Sykepleier" });
  const fordeProgramme = await b.programme({
    trustId: forde.id,
    institutionId: hvlForde.id,
    professionId: fordeProfession.id,
  });
  const fordeSystem = await b.clinicalSystem({ trustId: forde.id, name: "DIPS Arena" });
  const fordeProfile = await b.accessProfile({
    trustId: forde.id,
    professionId: fordeProfession.id,
    items: [{ systemId: fordeSystem.id, role: "Student" }],
  });
  const fordeOverview = await b.overview({
    trustId: forde.id,
    institutionId: hvlForde.id,
    programmeId: fordeProgramme.id,
  });
  const fordeFou = await b.user({ email: "fou@forde.test" });
  const fordeStudent = await b.student({ trustId: forde.id, firstName: "Fie", lastName: "Førde" });
  ids.forde = (
    await seedOrderLines(db, {
      trustId: forde.id,
      institutionId: hvlForde.id,
      overviewId: fordeOverview.overview.id,
      sheetId: fordeOverview.sheet.id,
      by: fordeFou.id,
      lines: [
        {
          rowId: fordeOverview.row.id,
          personId: fordeStudent.id,
          systemId: fordeSystem.id,
          role: "Student",
          profileVersionId: fordeProfile.version.id,
          state: "ordered",
        },
      ],
    })
  ).lines[0]?.id as string;

  for (const key of ["itProvider", "studentAdmin", "admin", "coordinatorUib", "ehealth"] as const)
    cookies[key] = await t.login(world.users[key].email);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const queue = async (cookie: string, query = "") => {
  const res = await t.call("GET", `/api/order-lines${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: OrderLine[]; total: number };
};
const decide = (action: "approve" | "reject" | "implement", body: unknown, cookie = cookies.itProvider) =>
  t.call("POST", `/api/order-lines/${action}`, { cookie, body });
/** Counts the statements the app sends to the database (PGlite or the pool) while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const target = (t.database.pglite ?? t.database.pool) as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  let count = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    target.query = original;
  }
  return count;
}
const lineState = async (id: string) => (await t.database.db.select().from(orderLines).where(eq(orderLines.id, id)))[0];

describe("the IT provider's queue", () => {
  it("holds the open lines of both trusts it serves, not the third's nor drafts", async () => {
    const { items, total } = await queue(cookies.itProvider as string, "?limit=200");
    const lineIds = items.map((l) => l.id);
    expect(total).toBe(11);
    expect(lineIds).toEqual(expect.arrayContaining([...ids.anna, ids.bjorn, ids.annaFonna, ...ids.bulk]));
    expect(lineIds).not.toContain(ids.forde);
    expect(lineIds).not.toContain(ids.draft);
    expect(new Set(items.map((l) => l.trust.name))).toEqual(new Set(["Helse Bergen", "Helse Fonna"]));
    // Sorted by start date by default; the student's typed username is shown, unverified.
    expect(items[0]?.validFrom).toBe("2027-03-01");
    const anna = items.find((l) => l.id === ids.anna[0]);
    expect(anna).toMatchObject({ username: "anna.gammel", usernameVerified: false, reference: "SP-100" });
  });

  it("filters by trust, institution, system, start dates and state, and pages with the total", async () => {
    const it = cookies.itProvider as string;
    expect((await queue(it, `?trustId=${world.trusts.fonna.id}`)).total).toBe(2);
    // A trust it does not serve is an empty list, not an error.
    expect(await queue(it, `?trustId=${(await lineState(ids.forde))?.trustId}`)).toEqual({ items: [], total: 0 });
    expect((await queue(it, `?institutionId=${world.institutions.hvl.id}`)).total).toBe(6);
    expect((await queue(it, `?systemId=${world.clinical.dips.id}`)).total).toBe(8);
    const window = await queue(it, "?from=2027-04-02&to=2027-04-04");
    expect(window.items.map((l) => l.validFrom)).toEqual(["2027-04-02", "2027-04-03", "2027-04-04"]);
    expect((await queue(it, "?state=implemented")).total).toBe(0);
    const page = await queue(it, "?limit=4&offset=4&sort=start");
    expect(page.total).toBe(11);
    expect(page.items).toHaveLength(4);
    expect((await queue(it, "?q=Aase")).total).toBe(3);
    expect((await queue(it, "?q=SP-100")).total).toBe(3);
    const bad = await t.call("GET", "/api/order-lines?from=32.13.2027", { cookie: it });
    expect(bad.statusCode).toBe(400);
  });

  it("shows FOU and admins their own trust's lines, drafts included, and nothing of Fonna", async () => {
    const fou = await queue(cookies.studentAdmin as string, "?state=all&limit=200");
    expect(fou.items.map((l) => l.id)).toContain(ids.draft);
    expect(fou.items.every((l) => l.trust.id === world.trusts.bergen.id)).toBe(true);
    expect((await queue(cookies.admin as string, "?state=all")).total).toBe(10);
  });

  it("refuses coordinators and E-Helse the queue, and everyone but the IT provider its answers", async () => {
    for (const who of ["coordinatorUib", "ehealth"] as const) {
      expect((await t.call("GET", "/api/order-lines", { cookie: cookies[who] })).statusCode).toBe(403);
    }
    for (const who of ["coordinatorUib", "ehealth", "studentAdmin", "admin"] as const) {
      expect((await decide("approve", { lineIds: [ids.bjorn] }, cookies[who])).statusCode, who).toBe(403);
      expect((await decide("reject", { lineIds: [ids.bjorn], reason: "Nei" }, cookies[who])).statusCode, who).toBe(403);
      expect(
        (await decide("implement", { lines: [{ id: ids.bjorn, username: "x" }] }, cookies[who])).statusCode,
        who,
      ).toBe(403);
    }
  });

  it("answers 404 for the third trust's line and a draft, changing nothing", async () => {
    for (const id of [ids.forde, ids.draft, "00000000-0000-4000-8000-000000000000"]) {
      const res = await decide("approve", { lineIds: [ids.bjorn, id] });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().code).toBe("order_lines.not_found");
    }
    expect((await lineState(ids.bjorn))?.state).toBe("ordered");
  });

  it("approves in bulk across both trusts, with who and when on each line and an audit row each", async () => {
    const lineIds = [ids.bulk[0], ids.bulk[1], ids.fonnaBulk] as string[];
    const res = await decide("approve", { lineIds });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3 });
    for (const id of lineIds) {
      expect(await lineState(id)).toMatchObject({ state: "approved", approvedBy: world.users.itProvider.id });
    }
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entity, "order_line"));
    expect(audits.filter((a) => a.action === "approve").map((a) => a.entityId)).toEqual(
      expect.arrayContaining(lineIds),
    );
    expect(audits.find((a) => a.entityId === ids.fonnaBulk)?.trustId).toBe(world.trusts.fonna.id);
    const [hvlRow] = await t.database.db
      .select({ orderState: placementRows.orderState })
      .from(placementRows)
      .innerJoin(orderLines, eq(orderLines.rowId, placementRows.id))
      .where(eq(orderLines.id, ids.bulk[0] as string));
    expect(hvlRow?.orderState).toBe("approved");
  });

  it("answers 409 naming the lines someone already moved and their states, and changes none", async () => {
    const res = await decide("approve", { lineIds: [ids.bulk[2], ids.bulk[0]] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "order_lines.state_changed",
      details: { lines: [{ id: ids.bulk[0], state: "approved" }], count: 1 },
    });
    expect((await lineState(ids.bulk[2] as string))?.state).toBe("ordered");
  });

  it("rejects with a reason and tells the sheet's coordinators once", async () => {
    const before = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorHvl.id));
    const res = await decide("reject", { lineIds: [ids.bulk[2], ids.bulk[3]], reason: "Mangler HR-nummer" });
    expect(res.statusCode, res.body).toBe(200);
    expect(await lineState(ids.bulk[2] as string)).toMatchObject({
      state: "rejected",
      rejectReason: "Mangler HR-nummer",
      rejectedBy: world.users.itProvider.id,
    });
    const after = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorHvl.id));
    expect(after.length - before.length).toBe(1);
    expect(after.find((n) => n.kind === "order_line.reject")?.text).toContain("2 studenter");
    const again = await decide("implement", { lines: [{ id: ids.bulk[2], username: "x" }] });
    expect(again.json()).toMatchObject({ details: { lines: [{ state: "rejected" }] } });
  });

  it("lets FOU write a message for the coordinators on a rejected line only", async () => {
    const fou = cookies.studentAdmin as string;
    const res = await t.call("PATCH", `/api/order-lines/${ids.bulk[2]}`, {
      cookie: fou,
      body: { fouMessage: "Vi bestiller på nytt neste uke." },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fouMessage: "Vi bestiller på nytt neste uke.", state: "rejected" });
    const open = await t.call("PATCH", `/api/order-lines/${ids.bjorn}`, { cookie: fou, body: { fouMessage: "x" } });
    expect(open.json()).toMatchObject({ code: "order_lines.not_rejected" });
    const it = await t.call("PATCH", `/api/order-lines/${ids.bulk[2]}`, {
      cookie: cookies.itProvider,
      body: { fouMessage: "x" },
    });
    expect(it.statusCode).toBe(403);
  });

  it("refuses two usernames for one person in one request", async () => {
    const res = await decide("implement", {
      lines: [
        { id: ids.anna[0], username: "anna.aase" },
        { id: ids.anna[1], username: "aaan" },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "order_lines.username_conflict", details: { name: "Anna Aase" } });
    expect((await lineState(ids.anna[0] as string))?.state).toBe("ordered");
  });

  it("implements in bulk, records the username by national ID and holds the app's e-mail until its day", async () => {
    const res = await decide("implement", {
      lines: [
        { id: ids.anna[0], username: "anna.aase" },
        { id: ids.anna[1], username: "anna.aase" },
        { id: ids.bjorn, username: "bjorn.berg" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    // Anna's address is confirmed and Bergen's app sends usernames; Bjørn has no confirmed address.
    expect(await lineState(ids.anna[0] as string)).toMatchObject({
      state: "implemented",
      username: "anna.aase",
      usernameDelivery: "app",
      implementedBy: world.users.itProvider.id,
    });
    expect(await lineState(ids.bjorn)).toMatchObject({ username: "bjorn.berg", usernameDelivery: "provider" });
    const [bjorn] = await t.database.db
      .select({ username: persons.username })
      .from(persons)
      .innerJoin(orderLines, eq(orderLines.personId, persons.id))
      .where(eq(orderLines.id, ids.bjorn));
    expect(bjorn?.username).toBe("bjorn.berg");
    // One e-mail per person and placement, not per line: Anna's two lines share a row.
    const mails = await t.database.db.select().from(usernameMails);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ dueOn: "2027-02-22", queuedAt: null });
    const coordinator = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorUib.id));
    expect(coordinator.filter((n) => n.kind === "order_line.implement")).toHaveLength(1);
  });

  it("shows the username on the same student's line at the other trust, verified", async () => {
    const { items } = await queue(cookies.itProvider as string, `?trustId=${world.trusts.fonna.id}`);
    expect(items.find((l) => l.id === ids.annaFonna)).toMatchObject({ username: "anna.aase", usernameVerified: true });
  });

  it("sends the username e-mail once, on its day, in the student's language, without national ID", async () => {
    const config = loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") });
    const jobs = usernameMailJobs({ db: t.database.db, config, clock });
    const sent = () => t.database.db.select().from(outboxMessages).where(eq(outboxMessages.template, "username"));
    expect(await jobs.runUsernameMails(new Date("2027-02-21T10:00:00Z"))).toEqual({ queued: 0 });
    expect(await sent()).toHaveLength(0);
    expect(await jobs.runUsernameMails(new Date("2027-02-22T06:00:00Z"))).toEqual({ queued: 1 });
    expect(await jobs.runUsernameMails(new Date("2027-02-23T06:00:00Z"))).toEqual({ queued: 0 });
    const [mail] = await sent();
    expect(mail).toMatchObject({ recipientAddress: "anna@student.test", language: "nn" });
    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: "Praksistilgang <ikke-svar@praksistilgang.no>" });
    await createOutboxWorker({ db: t.database.db, mailer }).runOnce(new Date("2027-02-22T06:01:00Z"));
    mailer.close();
    const received = smtp.received.filter((m) => m.to.includes("anna@student.test"));
    expect(received).toHaveLength(1);
    expect(received[0]?.text).toContain("anna.aase");
    expect(received[0]?.text).toContain("01.03.2027");
    expect(received[0]?.subject).toContain("Brukarnamnet");
    expect(withoutIds(received[0]?.text ?? "")).not.toMatch(/passord:|\d{11}/i);
    const [held] = await t.database.db.select().from(usernameMails);
    expect(held?.queuedAt).not.toBeNull();
  });

  it("reads a page of the queue in the same number of statements whatever its size", async () => {
    const it = cookies.itProvider as string;
    const one = await countQueries(() => queue(it, "?state=all&limit=1"));
    const all = await countQueries(() => queue(it, "?state=all&limit=200"));
    expect(one).toBeGreaterThan(2);
    expect(all).toBe(one);
  });

  it("refuses an empty username or reason with the field named, before anything changes", async () => {
    const empty = await decide("implement", { lines: [{ id: ids.annaFonna, username: "  " }] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.issues.map((i: { path: string }) => i.path)).toContain("lines.0.username");
    const noReason = await decide("reject", { lineIds: [ids.annaFonna], reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.issues.map((i: { path: string }) => i.path)).toContain("reason");
    expect((await lineState(ids.annaFonna))?.state).toBe("ordered");
  });
});
