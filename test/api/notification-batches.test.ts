import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Change, Row } from "../../src/contracts/overviews.ts";
import { formatChangeValue } from "../../src/domain/change-values.ts";
import { loadConfig } from "../../src/server/config.ts";
import { agreements } from "../../src/server/modules/institutions/agreements.table.ts";
import { createNotificationDigest, mailJobs } from "../../src/server/modules/notifications/notifications.public.ts";
import { notificationBatches, notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { createOutbox } from "../../src/server/modules/outbox/outbox.usecases.ts";
import { placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

/**
 * Changes after submission are gathered per recipient and document (SPEC §4): one notification,
 * rewritten as changes arrive, and one e-mail listing every change when the window (10 minutes
 * from the first change) closes — or the batch in the daily digest.
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const minute = 60_000;
const config = loadConfig({
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  PUBLIC_URL: "http://praksistilgang.test",
});
/** The mail jobs of two instances, as two servers would run them. */
let jobs: ReturnType<typeof mailJobs>;
let otherInstance: ReturnType<typeof mailJobs>;
const cookie: Record<string, string> = {};
const rows: Record<"kari" | "ola" | "nora", Row> = {} as never;
let sheetIds: string[];
let overviewId: string;

const kari = testNationalId({ year: 2035, month: 3, day: 14, individual: 500 });
const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

const fouId = () => world.users.studentAdmin.id;
const changeNotifications = (userId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "overview.changed")))
    .orderBy(asc(notifications.createdAt));
const mailsTo = (userId: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipientUserId, userId))
    .orderBy(asc(outboxMessages.createdAt));
const openBatches = (userId: string) =>
  t.database.db.select().from(notificationBatches).where(eq(notificationBatches.userId, userId));

async function edit(key: keyof typeof rows, body: Record<string, unknown>, as = cookie.coordinatorHvl) {
  const res = await t.call("PATCH", `/api/rows/${rows[key].id}`, {
    cookie: as,
    body: { version: rows[key].version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  rows[key] = json<Row>(res);
  return rows[key];
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  jobs = mailJobs({ db: t.database.db, config, clock });
  otherInstance = mailJobs({ db: t.database.db, config, clock });
  await t.database.db.delete(notifications);
  // The seeded HVL document: "Periode 1" with one row, and two more sheets, all submitted.
  const { overview, sheet, row } = world.overviews.hvl;
  overviewId = overview.id;
  await t.database.db
    .update(placementRows)
    .set({ lastName: "Nordmann", firstName: "Kari" })
    .where(eq(placementRows.id, row.id));
  const more = await t.database.db
    .insert(sheets)
    .values(
      [2, 3].map((n) => ({
        overviewId: overview.id,
        kind: "norwegian",
        name: `Periode ${n}`,
        startDate: "2027-03-01",
        endDate: "2027-04-09",
        position: n,
      })),
    )
    .returning();
  sheetIds = [sheet.id, ...more.map((s) => s.id)];
  await t.database.db.insert(placementRows).values([
    { sheetId: sheetIds[1] as string, position: 1, lastName: "Hansen", firstName: "Ola" },
    { sheetId: sheetIds[2] as string, position: 1, lastName: "Berg", firstName: "Nora" },
  ]);
  await t.database.db.update(sheets).set({ submittedAt: clock.now() }).where(eq(sheets.overviewId, overview.id));
  for (const [key, sheetId] of [
    ["kari", sheetIds[0]],
    ["ola", sheetIds[1]],
    ["nora", sheetIds[2]],
  ] as const) {
    const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, {
      cookie: await t.login(world.users.coordinatorHvl.email),
    });
    rows[key] = json<{ rows: Row[] }>(res).rows[0] as Row;
  }
});
beforeEach(async () => {
  // The test clock moves on by whole windows: sign in again so no session has run idle.
  cookie.coordinatorHvl = await t.login(world.users.coordinatorHvl.email);
  cookie.studentAdmin = await t.login(world.users.studentAdmin.email);
});
afterAll(async () => {
  jobs?.close();
  otherInstance?.close();
  await t?.close();
});

describe("changes after submission, gathered", () => {
  const masked = `${kari.slice(0, 6)} *****`;
  const lines = [
    "Kari Nordmann, Mobil: (tom) → 91 23 45 67",
    "Kari Nordmann, Startdato: (tom) → 08.03.2027",
    "Kari Nordmann, Praksissted: (tom) → Medisinsk avdeling, post 3",
    `Kari Nordmann, Fødselsnummer: (tom) → ${masked}`,
  ];

  it("gives FOU one notification for four edits within the window, rewritten and unread again, and one e-mail when it closes", async () => {
    await edit("kari", { mobile: "912 34 567" });
    const [first] = await changeNotifications(fouId());
    expect(first?.text).toBe(`${lines[0]} (HVL Sykepleie kull 2024, Periode 1)`);
    expect(first?.link).toBe(`/oversikter/${overviewId}?ark=${sheetIds[0]}`);
    const read = await t.call("POST", `/api/notifications/${first?.id}/read`, { cookie: cookie.studentAdmin });
    expect(read.statusCode).toBe(200);

    clock.advance(2 * minute);
    await edit("kari", { startDate: "08.03.2027" });
    clock.advance(3 * minute);
    await edit("kari", { placementSiteId: world.catalog.bergenSite.id });
    clock.advance(4 * minute);
    await edit("kari", { nationalId: kari });

    const after = await changeNotifications(fouId());
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: first?.id,
      readAt: null,
      emailedAt: null,
      text: `${lines.join("; ")} (HVL Sykepleie kull 2024, Periode 1)`,
    });
    const list = (await t.call("GET", "/api/notifications", { cookie: cookie.studentAdmin })).json();
    expect(list.unreadCount).toBe(1);
    expect(await mailsTo(fouId())).toEqual([]);

    // Nine minutes after the first change the window is still open.
    expect(await jobs.batches.runOnce(clock.now())).toEqual({ closed: 0, emails: 0 });
    clock.advance(minute);
    // Two instances at the same moment: the batch is claimed once.
    const runs = await Promise.all([jobs.batches.runOnce(clock.now()), otherInstance.batches.runOnce(clock.now())]);
    expect(runs.reduce((n, r) => n + r.emails, 0)).toBe(1);
    expect(await jobs.batches.runOnce(clock.now())).toEqual({ closed: 0, emails: 0 });

    const mails = await mailsTo(fouId());
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "notification-batch",
      language: "nb",
      subject: "Praksistilgang: 4 endringer i HVL Sykepleie kull 2024, Periode 1",
    });
    expect(mails[0]?.textBody).toContain(
      `4 endringer i HVL Sykepleie kull 2024, Periode 1:\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\nÅpne i Praksistilgang: http://praksistilgang.test/oversikter/${overviewId}?ark=${sheetIds[0]}`,
    );
    expect(mails[0]?.textBody).toContain("innen 10 minutter etter den første");
    expect(JSON.stringify(mails)).not.toContain(kari);
    expect((await changeNotifications(fouId()))[0]?.emailedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(await openBatches(fouId())).toEqual([]);
  });

  it("opens a new batch for an edit after the window, and a save after an unsent window closes it first", async () => {
    clock.advance(minute);
    await edit("kari", { email: "kari.nordmann@stud.hvl.no" });
    const two = await changeNotifications(fouId());
    expect(two).toHaveLength(2);
    expect(two[0]?.text).toBe(`${lines.join("; ")} (HVL Sykepleie kull 2024, Periode 1)`);
    expect(two[1]?.text).toBe(
      "Kari Nordmann, E-post: (tom) → kari.nordmann@stud.hvl.no (HVL Sykepleie kull 2024, Periode 1)",
    );

    // The job has not run when the next save comes after the window: the save sends the old batch.
    clock.advance(10 * minute);
    await edit("kari", { studyProgramme: "Sykepleie" });
    expect(await changeNotifications(fouId())).toHaveLength(3);
    const mails = await mailsTo(fouId());
    expect(mails.map((m) => m.subject)).toEqual([
      "Praksistilgang: 4 endringer i HVL Sykepleie kull 2024, Periode 1",
      "Praksistilgang: 1 endring i HVL Sykepleie kull 2024, Periode 1",
    ]);
    expect(mails[1]?.textBody).toContain("- Kari Nordmann, E-post: (tom) → kari.nordmann@stud.hvl.no\n");

    clock.advance(10 * minute);
    expect(await jobs.batches.runOnce(clock.now())).toEqual({ closed: 1, emails: 1 });
    expect((await mailsTo(fouId())).at(-1)?.textBody).toContain("- Kari Nordmann, Studieprogram: (tom) → Sykepleie\n");
  });

  it("puts the batch of a person who chose the daily digest into the digest, with no e-mail of its own; 'off' gets none", async () => {
    const daily = world.users.both.id;
    await t.database.db
      .update(agreements)
      .set({ deputyContactId: daily })
      .where(eq(agreements.id, world.agreements.hvl));
    await t.database.db.update(users).set({ emailNotifications: "daily" }).where(eq(users.id, daily));
    await t.database.db.update(users).set({ emailNotifications: "off" }).where(eq(users.id, fouId()));
    const fouMails = (await mailsTo(fouId())).length;
    const digest = createNotificationDigest({
      db: t.database.db,
      outbox: createOutbox({ publicUrl: config.publicUrl, clock }),
    });

    clock.advance(minute);
    await edit("kari", { homeInstitution: "HVL" });
    clock.advance(minute);
    await edit("kari", { nationality: "Norsk" });
    const [notification] = await changeNotifications(daily);
    expect(notification?.text).toBe(
      "Kari Nordmann, Hjemmeinstitusjon: (tom) → HVL; Kari Nordmann, Nasjonalitet: (tom) → Norsk (HVL Sykepleie kull 2024, Periode 1)",
    );
    // While the batch is open the digest leaves it for later.
    expect(await digest.runOnce(clock.now())).toEqual({ emails: 0 });

    clock.advance(10 * minute);
    expect(await jobs.batches.runOnce(clock.now())).toEqual({ closed: 2, emails: 0 });
    expect(await mailsTo(daily)).toEqual([]);
    expect(await mailsTo(fouId())).toHaveLength(fouMails);

    expect(await digest.runOnce(clock.now())).toEqual({ emails: 1 });
    expect(await digest.runOnce(clock.now())).toEqual({ emails: 0 });
    const [mail] = await mailsTo(daily);
    expect(mail).toMatchObject({ template: "notification-digest", subject: "Praksistilgang: 1 nytt varsel" });
    expect(mail?.textBody).toContain(
      `- 2 endringer i HVL Sykepleie kull 2024, Periode 1\n  · Kari Nordmann, Hjemmeinstitusjon: (tom) → HVL\n  · Kari Nordmann, Nasjonalitet: (tom) → Norsk\n  http://praksistilgang.test/oversikter/${overviewId}?ark=${sheetIds[0]}\n`,
    );
    expect(await openBatches(daily)).toEqual([]);
    await t.database.db.update(users).set({ emailNotifications: "immediate" }).where(eq(users.id, fouId()));
  });

  it(`gathers saves at the same moment in different sheets into one batch per person (${testDbKind})`, async () => {
    clock.advance(minute);
    const before = (await changeNotifications(fouId())).length;
    await Promise.all([
      edit("kari", { homeInstitution: "Høgskulen på Vestlandet" }),
      edit("ola", { homeInstitution: "HVL" }),
      edit("nora", { homeInstitution: "HVL Bergen" }),
    ]);
    for (const userId of [fouId(), world.users.both.id]) {
      const open = await openBatches(userId);
      expect(open, userId).toHaveLength(1);
      expect(open[0]?.items).toHaveLength(3);
    }
    const news = (await changeNotifications(fouId())).slice(before);
    expect(news).toHaveLength(1);
    expect(news[0]?.link).toBe(`/oversikter/${overviewId}`);
    for (const line of [
      "Kari Nordmann [Periode 1], Hjemmeinstitusjon: HVL → Høgskulen på Vestlandet",
      "Ola Hansen [Periode 2], Hjemmeinstitusjon: (tom) → HVL",
      "Nora Berg [Periode 3], Hjemmeinstitusjon: (tom) → HVL Bergen",
    ]) {
      expect(news[0]?.text).toContain(line);
    }
    expect(news[0]?.text).toMatch(/ \(HVL Sykepleie kull 2024\)$/);

    clock.advance(10 * minute);
    expect(await jobs.batches.runOnce(clock.now())).toEqual({ closed: 2, emails: 1 });
    expect((await mailsTo(fouId())).at(-1)?.subject).toBe("Praksistilgang: 3 endringer i HVL Sykepleie kull 2024");
  });

  it("names a row added empty by the names typed afterwards, and shows values as people read them", async () => {
    clock.advance(minute);
    const added = await t.call("POST", `/api/sheets/${sheetIds[2]}/rows`, { cookie: cookie.coordinatorHvl, body: {} });
    expect(added.statusCode, added.body).toBe(201);
    const row = json<{ rows: Row[] }>(added).rows[0] as Row;
    clock.advance(minute);
    const named = await t.call("PATCH", `/api/rows/${row.id}`, {
      cookie: cookie.coordinatorHvl,
      body: {
        version: row.version,
        lastName: "Lie",
        firstName: "Emma",
        mobile: "+46 70 123 45 67",
        placementSiteId: world.catalog.bergenSite.id,
        endDate: "09.04.2027",
      },
    });
    expect(named.statusCode, named.body).toBe(200);

    const expected = [
      "Ny rad: Emma Lie",
      "Emma Lie, Etternavn: (tom) → Lie",
      "Emma Lie, Fornavn: (tom) → Emma",
      "Emma Lie, Mobil: (tom) → +46 70 123 45 67",
      "Emma Lie, Praksissted: (tom) → Medisinsk avdeling, post 3",
      "Emma Lie, Sluttdato: (tom) → 09.04.2027",
    ];
    const newest = (await changeNotifications(fouId())).at(-1);
    expect(newest?.text).toBe(
      `${expected.slice(0, 5).join("; ")}; og 1 endring til (HVL Sykepleie kull 2024, Periode 3)`,
    );

    // The list of changes keeps values as stored; the web shows them by the same rule as the e-mail.
    const changes = json<{ changes: Change[] }>(
      await t.call("GET", `/api/overviews/${overviewId}/changes`, { cookie: cookie.studentAdmin }),
    ).changes.filter((c) => c.rowId === row.id && c.kind === "cell_changed");
    expect(Object.fromEntries(changes.map((c) => [c.field, c.to]))).toEqual({
      lastName: "Lie",
      firstName: "Emma",
      mobile: "+46701234567",
      placementSiteId: "Medisinsk avdeling, post 3",
      endDate: "2027-04-09",
    });
    clock.advance(10 * minute);
    expect(await jobs.batches.runOnce(clock.now())).toMatchObject({ emails: 1 });
    const mail = (await mailsTo(fouId())).at(-1);
    expect(mail?.subject).toBe("Praksistilgang: 6 endringer i HVL Sykepleie kull 2024, Periode 3");
    expect(mail?.textBody).toContain(expected.map((l) => `- ${l}`).join("\n"));
    for (const c of changes) expect(mail?.textBody).toContain(`→ ${formatChangeValue(c.field, c.to)}\n`);
  });
});
