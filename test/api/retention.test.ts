import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview, Row, Sheet } from "../../src/contracts/overviews.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { placementRows, rowChanges, rowComments } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { retentionJobs } from "../../src/server/modules/retention/retention.jobs.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

/**
 * SPEC §4 retention: a student's personal data goes a set time after their last placement ends
 * (the trust's setting, 12 months by default), with the change history of their rows. The data is
 * entered in January 2025; the job runs on 31.05.2026 and 31.05.2027 (03:00 in Oslo).
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2025-01-10T09:00:00Z"));
const cookie: Record<string, string> = {};
const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

const firstRun = new Date("2026-05-31T01:00:00Z");
const secondYear = new Date("2027-05-31T01:00:00Z");

const kariId = testNationalId({ year: 2035, month: 3, day: 14, individual: 500 });
const perId = testNationalId({ year: 2035, month: 5, day: 2, individual: 520 });
const olaId = testNationalId({ year: 2035, month: 7, day: 9, individual: 540 });
const monaId = testNationalId({ year: 2035, month: 8, day: 21, individual: 560 });
const fridaId = testNationalId({ year: 2035, month: 9, day: 3, individual: 580 });

/** Rows and persons by name, filled in by the set-up. */
const rows = {} as Record<"kari" | "perEarly" | "perLate" | "ola" | "nameless" | "frida", Row>;
let monaRowId: string;
let hvlOverview: Overview;
let periodOne: Sheet;
let orphan: string;
const mail = {} as Record<"oldSent" | "recentSent" | "oldQueued" | "oldKept", string>;
const notes = {} as Record<"oldRead" | "oldUnread" | "recentRead", string>;

const jobs = () => retentionJobs({ db: t.database.db, clock });

const rowOf = async (id: string) =>
  (await t.database.db.select().from(placementRows).where(eq(placementRows.id, id)))[0];
const personOf = async (id: string) => (await t.database.db.select().from(persons).where(eq(persons.id, id)))[0];
const retentionAudit = () =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, "personal-data-retention"));

async function addSheet(who: string, overviewId: string, number: number, startDate: string, endDate: string) {
  const res = await t.call("POST", `/api/overviews/${overviewId}/sheets`, {
    cookie: who,
    body: { kind: "norwegian", label: "Periode", number, startDate, endDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Sheet>(res);
}

async function addRow(who: string, sheetId: string, body: Record<string, string>) {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: who, body });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ rows: Row[] }>(res).rows[0] as Row;
}

const student = (lastName: string, firstName: string, nationalId: string, start: string, end: string) => ({
  lastName,
  firstName,
  nationalId,
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@stud.hvl.no`,
  mobile: "912 34 567",
  nationality: "Norsk",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: start,
  endDate: end,
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  cookie.hvl = await t.login(world.users.coordinatorHvl.email);
  cookie.fou = await t.login(world.users.studentAdmin.email);
  cookie.admin = await t.login(world.users.admin.email);
  cookie.fonna = await t.login(world.users.fonnaAdmin.email);

  // Helse Bergen (12 months): period 1 ends 30.04.2025, period 2 ends 30.06.2025.
  const created = await t.call("POST", "/api/overviews", {
    cookie: cookie.hvl,
    body: { programmeId: world.catalog.hvlNursing.id, cohort: 2023 },
  });
  expect(created.statusCode, created.body).toBe(201);
  hvlOverview = json<Overview>(created);
  periodOne = await addSheet(cookie.hvl, hvlOverview.id, 1, "2025-03-03", "2025-04-30");
  const periodTwo = await addSheet(cookie.hvl, hvlOverview.id, 2, "2025-06-02", "2025-06-30");
  rows.kari = await addRow(cookie.hvl, periodOne.id, student("Nordmann", "Kari", kariId, "03.03.2025", "30.04.2025"));
  rows.perEarly = await addRow(cookie.hvl, periodOne.id, student("Persen", "Per", perId, "03.03.2025", "30.04.2025"));
  rows.perLate = await addRow(cookie.hvl, periodTwo.id, student("Persen", "Per", perId, "02.06.2025", "30.06.2025"));
  rows.ola = await addRow(cookie.hvl, periodTwo.id, student("Hansen", "Ola", olaId, "02.06.2025", "30.06.2025"));
  expect(rows.perLate.personId).toBe(rows.perEarly.personId);

  // After submission every change, comment, new and removed row is kept in the change history.
  const submitted = await t.call("POST", `/api/sheets/${periodOne.id}/submit`, { cookie: cookie.hvl });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const patched = await t.call("PATCH", `/api/rows/${rows.kari.id}`, {
    cookie: cookie.hvl,
    body: { version: rows.kari.version, mobile: "412 34 567", previousUsername: "kano01" },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  rows.kari = json<Row>(patched);
  for (const row of [rows.kari, rows.perEarly]) {
    const comment = await t.call("POST", `/api/rows/${row.id}/comments`, {
      cookie: cookie.fou,
      body: { body: `${row.firstName} har levert politiattest` },
    });
    expect(comment.statusCode, comment.body).toBe(201);
  }
  const mona = await addRow(cookie.hvl, periodOne.id, student("Mo", "Mona", monaId, "03.03.2025", "30.04.2025"));
  monaRowId = mona.id;
  const removed = await t.call("DELETE", `/api/rows/${mona.id}?version=${mona.version}`, { cookie: cookie.hvl });
  expect(removed.statusCode, removed.body).toBe(200);
  // A row that names nobody the app can recognise has no person.
  rows.nameless = await addRow(cookie.hvl, periodOne.id, {
    firstName: "Ukjent",
    email: "ukjent@stud.hvl.no",
    placementSiteName: "Medisinsk avdeling, post 3",
    startDate: "03.03.2025",
    endDate: "30.04.2025",
  });
  expect(rows.nameless.personId).toBeNull();

  // Helse Fonna keeps personal data 24 months.
  await db.update(trusts).set({ retentionMonths: 24 }).where(eq(trusts.id, world.trusts.fonna.id));
  const fonnaCreated = await t.call("POST", "/api/overviews", {
    cookie: cookie.fonna,
    body: { institutionId: world.institutions.fsv.id, programmeId: world.catalog.fonnaNursing.id, cohort: 2023 },
  });
  expect(fonnaCreated.statusCode, fonnaCreated.body).toBe(201);
  const fonnaSheet = await addSheet(cookie.fonna, json<Overview>(fonnaCreated).id, 1, "2025-03-03", "2025-04-30");
  rows.frida = await addRow(cookie.fonna, fonnaSheet.id, {
    ...student("Fjell", "Frida", fridaId, "03.03.2025", "30.04.2025"),
    placementSiteName: "Kirurgisk sengepost",
  });

  // A person without any placement row (e.g. their rows were removed): nothing says when their
  // last placement ended, so the job leaves them alone.
  orphan = (
    await b.student({
      trustId: world.trusts.bergen.id,
      firstName: "Uten",
      lastName: "Rader",
      email: "uten.rader@stud.hvl.no",
      updatedAt: new Date("2025-01-01T10:00:00Z"),
    })
  ).id;

  // E-mail and notifications of several ages and states.
  const message = async (values: Partial<typeof outboxMessages.$inferInsert>) =>
    (
      await db
        .insert(outboxMessages)
        .values({
          trustId: world.trusts.bergen.id,
          recipientUserId: world.users.studentAdmin.id,
          recipientAddress: world.users.studentAdmin.email,
          template: "notification",
          language: "nb",
          subject: "Endring i praksisoversikt",
          textBody: "Kari Nordmann, Mobil: 912 34 567 → 412 34 567",
          ...values,
        })
        .returning()
    )[0]?.id as string;
  mail.oldSent = await message({
    status: "sent",
    createdAt: new Date("2026-01-31T10:00:00Z"),
    sentAt: new Date("2026-02-01T10:00:00Z"),
  });
  mail.recentSent = await message({
    status: "sent",
    createdAt: new Date("2026-04-15T10:00:00Z"),
    sentAt: new Date("2026-04-15T10:01:00Z"),
  });
  mail.oldQueued = await message({ status: "queued", createdAt: new Date("2025-01-01T10:00:00Z") });
  mail.oldKept = await message({ status: "kept", createdAt: new Date("2025-01-01T10:00:00Z") });
  const note = async (createdAt: string, readAt: string | null) =>
    (
      await db
        .insert(notifications)
        .values({
          trustId: world.trusts.bergen.id,
          userId: world.users.coordinatorHvl.id,
          kind: "overview.changed",
          text: "Kari Nordmann, Mobil: 912 34 567 → 412 34 567",
          createdAt: new Date(createdAt),
          readAt: readAt ? new Date(readAt) : null,
        })
        .returning()
    )[0]?.id as string;
  notes.oldRead = await note("2025-04-01T10:00:00Z", "2025-04-02T10:00:00Z");
  notes.oldUnread = await note("2025-04-01T10:00:00Z", null);
  notes.recentRead = await note("2025-12-01T10:00:00Z", "2025-12-02T10:00:00Z");
});
afterAll(async () => {
  await t?.close();
});

describe(`the retention job (${testDbKind})`, () => {
  let rowCountsBefore: number[];

  it("has the history, comments and national IDs the job is to remove", async () => {
    const db = t.database.db;
    expect(await db.select().from(rowChanges).where(eq(rowChanges.rowId, rows.kari.id))).not.toHaveLength(0);
    expect(await db.select().from(rowChanges).where(eq(rowChanges.rowId, monaRowId))).not.toHaveLength(0);
    expect(await db.select().from(rowComments).where(eq(rowComments.rowId, rows.kari.id))).toHaveLength(1);
    expect((await rowOf(rows.kari.id))?.nationalIdEnc).toBeTruthy();
    const res = await t.call("POST", `/api/rows/${rows.kari.id}/reveal-national-id`, { cookie: cookie.admin });
    expect(json<{ nationalId: string }>(res).nationalId).toBe(kariId);
    rowCountsBefore = json<Overview>(
      await t.call("GET", `/api/overviews/${hvlOverview.id}`, { cookie: cookie.hvl }),
    ).sheets.map((s) => s.rowCount);
  });

  it("anonymises a student whose last placement ended 13 months ago, with the change history of their rows", async () => {
    const result = await jobs().runRetention(firstRun);
    // Kari's row and the nameless row; Kari; Mona's removed row.
    expect(result).toEqual({
      persons: 1,
      rows: 2,
      removedRows: 1,
      registrations: 0,
      sentEmails: 1,
      readNotifications: 1,
    });

    const row = await rowOf(rows.kari.id);
    expect(row).toMatchObject({
      lastName: "Slettet",
      firstName: "",
      nationalIdEnc: null,
      nationalIdHash: null,
      nationalIdProblem: null,
      birthDate: null,
      nationality: "",
      email: "",
      mobile: "",
      homeInstitution: "",
      dNumberEnc: null,
      previousUsername: "",
      invalidValues: {},
      // What the counts need stays: the person, the dates, the site, the order state.
      personId: rows.kari.personId,
      startDate: "2025-03-03",
      endDate: "2025-04-30",
      placementSiteId: world.catalog.bergenSite.id,
      orderState: "not_ordered",
      version: rows.kari.version + 1,
      // The overviews show it read-only, without problems, from now on.
      anonymisedAt: firstRun,
      errorCount: 0,
    });
    const person = await personOf(rows.kari.personId as string);
    expect(person).toMatchObject({
      firstName: "",
      lastName: "Slettet",
      nationalIdEnc: null,
      nationalIdHash: null,
      birthDate: null,
      email: null,
      emailConfirmedAt: null,
      mobile: null,
      username: null,
      anonymisedAt: firstRun,
    });
    expect(await rowOf(rows.nameless.id)).toMatchObject({
      lastName: "Slettet",
      firstName: "",
      email: "",
      anonymisedAt: firstRun,
    });

    const db = t.database.db;
    expect(await db.select().from(rowChanges).where(eq(rowChanges.rowId, rows.kari.id))).toEqual([]);
    expect(await db.select().from(rowChanges).where(eq(rowChanges.rowId, monaRowId))).toEqual([]);
    expect(await db.select().from(rowComments).where(eq(rowComments.rowId, rows.kari.id))).toEqual([]);

    // The national ID can no longer be revealed, and the name is not found.
    const reveal = await t.call("POST", `/api/rows/${rows.kari.id}/reveal-national-id`, { cookie: cookie.admin });
    expect(reveal.statusCode).toBe(404);
    const personReveal = await t.call("POST", `/api/persons/${rows.kari.personId}/reveal-national-id`, {
      cookie: cookie.admin,
    });
    expect(personReveal.statusCode).toBe(404);
    const search = json<{ results: unknown[] }>(await t.call("GET", "/api/search?q=Nordmann", { cookie: cookie.fou }));
    expect(search.results).toEqual([]);

    // Nothing of Kari is left in the rows, persons, history, comments or audit trail.
    const dump = JSON.stringify([
      await db.select().from(placementRows),
      await db.select().from(persons),
      await db.select().from(rowChanges),
      await db.select().from(rowComments),
      await db.select().from(auditEvents),
    ]);
    for (const value of [kariId, "Nordmann", "kari.nordmann", "+4741234567", "kano01"]) {
      expect(dump).not.toContain(value);
    }
    // Mona's removed row is gone from the history (her person has no rows left: see below).
    expect(JSON.stringify(await db.select().from(rowChanges))).not.toContain("Mona");

    // The documents keep their rows, so the counts stay.
    const after = json<Overview>(await t.call("GET", `/api/overviews/${hvlOverview.id}`, { cookie: cookie.hvl }));
    expect(after.sheets.map((s) => s.rowCount)).toEqual(rowCountsBefore);
  });

  it("writes one audit row per anonymised row and person: who (no one: the job), what, which record, field names only", async () => {
    const audit = await retentionAudit();
    expect(audit).toHaveLength(4);
    for (const a of audit) {
      expect(a).toMatchObject({ actorId: null, requestId: "personal-data-retention" });
    }
    const kariRow = audit.find((a) => a.entity === "placement_row" && a.entityId === rows.kari.id);
    expect(kariRow).toMatchObject({
      action: "anonymise",
      trustId: world.trusts.bergen.id,
      institutionId: world.institutions.hvl.id,
    });
    expect(kariRow?.fields).toEqual(
      expect.arrayContaining([
        "last_name",
        "first_name",
        "national_id",
        "nationality",
        "email",
        "mobile",
        "previous_username",
        "row_comments",
        "row_changes",
      ]),
    );
    expect(kariRow?.fields).not.toContain("home_institution");
    const kariPerson = audit.find((a) => a.entity === "person" && a.entityId === rows.kari.personId);
    expect(kariPerson).toMatchObject({ action: "anonymise", trustId: world.trusts.bergen.id, institutionId: null });
    expect(kariPerson?.fields).toEqual(expect.arrayContaining(["national_id", "first_name", "last_name", "email"]));
    expect(audit.find((a) => a.entityId === monaRowId)).toMatchObject({
      entity: "placement_row",
      action: "delete_changes",
      fields: ["row_changes"],
    });
    expect(audit.map((a) => a.entityId).sort()).toEqual(
      [rows.kari.id, rows.kari.personId, rows.nameless.id, monaRowId].sort(),
    );
  });

  it("keeps a student whose placement ended 11 months ago, and one with a later placement (also their earlier row)", async () => {
    for (const row of [rows.ola, rows.perEarly, rows.perLate]) {
      const stored = await rowOf(row.id);
      expect(stored).toMatchObject({
        lastName: row.lastName,
        firstName: row.firstName,
        email: row.email,
        anonymisedAt: null,
      });
      expect(stored?.nationalIdEnc).toBeTruthy();
      const person = await personOf(row.personId as string);
      expect(person?.nationalIdHash).toBeTruthy();
      expect(person?.lastName).toBe(row.lastName);
    }
    // Per's comment on the earlier row stays with it.
    const comments = await t.database.db.select().from(rowComments).where(eq(rowComments.rowId, rows.perEarly.id));
    expect(comments).toHaveLength(1);
    const reveal = await t.call("POST", `/api/rows/${rows.perEarly.id}/reveal-national-id`, { cookie: cookie.admin });
    expect(json<{ nationalId: string }>(reveal).nationalId).toBe(perId);
  });

  it("leaves the other trust alone, which keeps 13-month-old data with its 24 months' retention", async () => {
    const row = await rowOf(rows.frida.id);
    expect(row).toMatchObject({ lastName: "Fjell", firstName: "Frida" });
    expect(row?.nationalIdEnc).toBeTruthy();
    expect((await personOf(rows.frida.personId as string))?.nationalIdHash).toBeTruthy();
    const fonnaAudit = (await retentionAudit()).filter((a) => a.trustId === world.trusts.fonna.id);
    expect(fonnaAudit).toEqual([]);
    // The seeded documents' rows (a period in 2027) and the seeded students are untouched too.
    expect((await rowOf(world.overviews.fonna.row.id))?.firstName).toBe(world.overviews.fonna.row.firstName);
    expect((await rowOf(world.overviews.uib.row.id))?.firstName).toBe(world.overviews.uib.row.firstName);
    expect((await personOf(world.students.bergen.id))?.lastName).toBe("Student");
    // A person without placement rows is left alone.
    expect(await personOf(orphan)).toMatchObject({ lastName: "Rader", email: "uten.rader@stud.hvl.no" });
  });

  it("deletes sent e-mail older than 90 days and read notifications older than 12 months; the rest stays", async () => {
    const db = t.database.db;
    const leftMail = await db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(inArray(outboxMessages.id, Object.values(mail)));
    expect(leftMail.map((m) => m.id).sort()).toEqual([mail.recentSent, mail.oldQueued, mail.oldKept].sort());
    const leftNotes = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(inArray(notifications.id, Object.values(notes)));
    expect(leftNotes.map((n) => n.id).sort()).toEqual([notes.oldUnread, notes.recentRead].sort());
  });

  it("changes nothing and writes no audit rows when run again", async () => {
    const before = await t.database.db.select().from(placementRows);
    const auditCount = (await t.database.db.select().from(auditEvents)).length;
    const result = await jobs().runRetention(firstRun);
    expect(result).toEqual({
      persons: 0,
      rows: 0,
      removedRows: 0,
      registrations: 0,
      sentEmails: 0,
      readNotifications: 0,
    });
    expect(await t.database.db.select().from(placementRows)).toEqual(before);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(auditCount);
  });

  it("a year later lets go of the later placements and of the other trust's 25-month-old data", async () => {
    const result = await jobs().runRetention(secondYear);
    // Per (two rows), Ola and Frida; the recent e-mail and notification.
    expect(result).toEqual({
      persons: 3,
      rows: 4,
      removedRows: 0,
      registrations: 0,
      sentEmails: 1,
      readNotifications: 1,
    });
    for (const row of [rows.perEarly, rows.perLate, rows.ola, rows.frida]) {
      expect(await rowOf(row.id)).toMatchObject({ lastName: "Slettet", nationalIdEnc: null, anonymisedAt: secondYear });
    }
    // Kari's row keeps the moment it was anonymised.
    expect((await rowOf(rows.kari.id))?.anonymisedAt).toEqual(firstRun);
    const fonnaAudit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.trustId, world.trusts.fonna.id), eq(auditEvents.action, "anonymise")));
    expect(fonnaAudit.map((a) => a.entityId).sort()).toEqual([rows.frida.id, rows.frida.personId].sort());
    // The unread notification and the unsent e-mail are still there.
    const leftNotes = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(inArray(notifications.id, Object.values(notes)));
    expect(leftNotes.map((n) => n.id)).toEqual([notes.oldUnread]);
    const leftMail = await t.database.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(inArray(outboxMessages.id, Object.values(mail)));
    expect(leftMail.map((m) => m.id).sort()).toEqual([mail.oldQueued, mail.oldKept].sort());
  });
});
