import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountRequest } from "../../src/contracts/account-requests.ts";
import type { Notice } from "../../src/contracts/notices.ts";
import type { Change, Overview, Row, Sheet } from "../../src/contracts/overviews.ts";
import type { ImportReport } from "../../src/contracts/overviews-import.ts";
import { accountRequests } from "../../src/server/modules/account-requests/account-requests.table.ts";
import { createNotificationBatches } from "../../src/server/modules/notifications/notifications.public.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { createOutbox } from "../../src/server/modules/outbox/outbox.usecases.ts";
import { rowChanges, rowComments } from "../../src/server/modules/overviews/overviews.table.ts";
import { createPersonsUsecases } from "../../src/server/modules/persons/persons.usecases.ts";
import type { Actor } from "../../src/server/shared/actor.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { databaseDump } from "../helpers/database-dump.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Issue 7, part 4: national IDs typed into free text (comments, an account request's name and
 * message, a decline reason) are masked before they are stored, put in a change, a notification or
 * an e-mail, and the writer is told; e-mail addresses and usernames holding one are refused.
 */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const cookie: Record<string, string> = {};
let overview: Overview;
let sheet: Sheet;
let row: Row;

/** Numbers typed where they do not belong; none of them is any row's or person's national ID. */
const inComment = testNationalId({ year: 2036, month: 2, day: 11 });
const inCommentD = testNationalId({ kind: "dnr", year: 2037, day: 9 });
const inImport = testNationalId({ year: 2036, month: 8, day: 1 });
const inRequest = testNationalId({ year: 2036, month: 6, day: 30 });
const inReason = testNationalId({ kind: "tnr", year: 1999, month: 4, day: 12, individual: 200 });
const inEmail = testNationalId({ year: 2037, month: 1, day: 20 });
const inUsername = testNationalId({ year: 2037, month: 10, day: 6 });
const typed = [inComment, inCommentD, inImport, inRequest, inReason, inEmail, inUsername];
const mask = (id: string) => `${id.slice(0, 6)} *****`;
const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6)}`;

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

/** Neither the 11 digits nor 6 + 5 with a space or hyphen. */
function expectNone(text: string, ids = typed) {
  for (const id of ids) {
    expect(text).not.toContain(id);
    expect(text).not.toContain(spaced(id));
    expect(text).not.toContain(`${id.slice(0, 6)}-${id.slice(6)}`);
  }
}

const student = {
  lastName: "Nordmann",
  firstName: "Kari",
  nationalId: testNationalId({ year: 2035, month: 3, day: 14, individual: 500 }),
  email: "kari.nordmann@stud.hvl.no",
  mobile: "912 34 567",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: "2027-03-01",
  endDate: "2027-04-09",
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  for (const key of ["coordinatorHvl", "studentAdmin", "admin"] as const) {
    cookie[key] = await t.login(world.users[key].email);
  }
  overview = json<Overview>(
    await t.call("POST", "/api/overviews", {
      cookie: cookie.coordinatorHvl,
      body: { programmeId: world.catalog.hvlNursing.id, cohort: 2025 },
    }),
  );
  sheet = json<Sheet>(
    await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.coordinatorHvl,
      body: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
    }),
  );
  const added = await t.call("POST", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl, body: student });
  expect(added.statusCode, added.body).toBe(201);
  row = json<{ rows: Row[] }>(added).rows[0] as Row;
  expect(row.problems.filter((p) => !p.warning)).toEqual([]);
  const submitted = await t.call("POST", `/api/sheets/${sheet.id}/submit`, { cookie: cookie.coordinatorHvl });
  expect(submitted.statusCode, submitted.body).toBe(200);
});
afterAll(() => t?.close());

describe("a comment on a row", () => {
  it("is stored, listed, put in the change and announced only masked, and the answer says so", async () => {
    const body = `Studenten skrev fnr ${inComment} i skjemaet, og D-nummer ${spaced(inCommentD)}. Ring ham.`;
    const res = await t.call("POST", `/api/rows/${row.id}/comments`, { cookie: cookie.coordinatorHvl, body: { body } });
    expect(res.statusCode, res.body).toBe(201);
    const created = json<{ body: string; notices: Notice[] }>(res);
    const expected = `Studenten skrev fnr ${mask(inComment)} i skjemaet, og D-nummer ${mask(inCommentD)}. Ring ham.`;
    expect(created).toMatchObject({
      body: expected,
      notices: [{ code: "free_text.national_id_masked", field: "body", count: 2 }],
    });

    const listed = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.studentAdmin }),
    ).rows.find((r) => r.id === row.id);
    expect(listed?.comments.map((c) => c.body)).toEqual([expected]);
    const changes = json<{ changes: Change[] }>(
      await t.call("GET", `/api/overviews/${overview.id}/changes`, { cookie: cookie.studentAdmin }),
    ).changes;
    expect(changes.find((c) => c.kind === "comment_added")?.to).toBe(expected);

    // FOU, the agreement's contact, is told in the app and by e-mail.
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.studentAdmin.id));
    const changed = told.filter((n) => n.kind === "overview.changed");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.map((n) => n.text).join("\n")).toContain(mask(inComment));
    // The e-mail leaves when the batch's window (10 minutes) closes.
    clock.advance(10 * 60_000);
    const outbox = createOutbox({ publicUrl: "http://praksistilgang.test", clock });
    expect(await createNotificationBatches({ db: t.database.db, outbox }).runOnce(clock.now())).toMatchObject({
      emails: 1,
    });
    const mail = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientAddress, world.users.studentAdmin.email));
    expect(mail.map((m) => `${m.subject}\n${m.textBody}\n${m.htmlBody}`).join("\n")).toContain(mask(inComment));

    const stored = await t.database.db.select().from(rowComments).where(eq(rowComments.rowId, row.id));
    const kept = await t.database.db.select().from(rowChanges).where(eq(rowChanges.rowId, row.id));
    expectNone(JSON.stringify({ created, listed, changes, told, mail, stored, kept }));
  });

  it("answers without a notice when there is nothing to mask", async () => {
    const res = await t.call("POST", `/api/rows/${row.id}/comments`, {
      cookie: cookie.studentAdmin,
      body: { body: "Bestilt 12345678901 ganger? Nei, ordrenr 2027-0042." },
    });
    expect(res.statusCode).toBe(201);
    expect(json<{ body: string; notices: Notice[] }>(res)).toMatchObject({
      body: "Bestilt 12345678901 ganger? Nei, ordrenr 2027-0042.",
      notices: [],
    });
  });

  it("from an imported file's comment column is masked, with a warning on the row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 1");
    ws.addRow(["Etternavn", "Fornavn", "Fødselsnummer", "E-post", "Mobil", "Praksissted", "Startdato", "Sluttdato"]);
    ws.getRow(1).getCell(9).value = "Kommentar";
    ws.addRow([
      student.lastName,
      student.firstName,
      student.nationalId,
      student.email,
      student.mobile,
      student.placementSiteName,
      "01.03.2027",
      "09.04.2027",
      `Fnr oppgitt: ${inImport}`,
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = "----fritekst";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/overviews/${overview.id}/import`,
      headers: { cookie: cookie.coordinatorHvl, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect(report.saved).toBe(true);
    const line = report.sheets[0]?.rows[0];
    expect(line).toMatchObject({ rowId: row.id, action: "unchanged" });
    expect(line?.problems).toContainEqual({
      field: null,
      code: "free_text.national_id_masked",
      warning: true,
      column: "Kommentar",
    });
    const stored = await t.database.db.select().from(rowComments).where(eq(rowComments.rowId, row.id));
    expect(stored.map((c) => c.body)).toContain(`Fnr oppgitt: ${mask(inImport)}`);
    expectNone(JSON.stringify({ report, stored }));
  });
});

describe("an account request", () => {
  let request: AccountRequest;

  it("keeps its name and message only masked, in the admins' notification too, and says so", async () => {
    const res = await t.call("POST", "/api/account-requests", {
      body: {
        trustId: world.trusts.bergen.id,
        name: `Per Pedersen ${inRequest}`,
        email: "per.pedersen@uib.no",
        role: "coordinator",
        institutionId: world.institutions.uib.id,
        message: `Jeg er ny koordinator. Fødselsnummer: ${spaced(inRequest)}.`,
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(json(res)).toEqual({
      ok: true,
      notices: [
        { code: "free_text.national_id_masked", field: "name", count: 1 },
        { code: "free_text.national_id_masked", field: "message", count: 1 },
      ],
    });
    const list = json<AccountRequest[]>(await t.call("GET", "/api/account-requests", { cookie: cookie.admin }));
    request = list.find((r) => r.email === "per.pedersen@uib.no") as AccountRequest;
    expect(request).toMatchObject({
      name: `Per Pedersen ${mask(inRequest)}`,
      message: `Jeg er ny koordinator. Fødselsnummer: ${mask(inRequest)}.`,
    });
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, world.users.admin.id));
    expect(told.find((n) => n.kind === "account_request.received")?.text).toContain(mask(inRequest));
    expectNone(JSON.stringify({ list, told }));
  });

  it("is declined with a reason that is stored and e-mailed only masked", async () => {
    const res = await t.call("POST", `/api/account-requests/${request.id}/decline`, {
      cookie: cookie.admin,
      body: { reason: `Vi fant ingen avtale for ${inReason}. Send aldri fødselsnummer på e-post.` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const declined = json<AccountRequest & { notices: Notice[] }>(res);
    expect(declined).toMatchObject({
      status: "declined",
      declineReason: `Vi fant ingen avtale for ${mask(inReason)}. Send aldri fødselsnummer på e-post.`,
      notices: [{ code: "free_text.national_id_masked", field: "reason", count: 1 }],
    });
    const mail = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientAddress, "per.pedersen@uib.no"));
    expect(mail).toHaveLength(1);
    expect(`${mail[0]?.subject}\n${mail[0]?.textBody}`).toContain(mask(inReason));
    const stored = await t.database.db.select().from(accountRequests).where(eq(accountRequests.id, request.id));
    expectNone(JSON.stringify({ declined, mail, stored }));
  });
});

describe("identifier fields", () => {
  it("refuse an e-mail address holding a national ID", async () => {
    const address = `${inEmail}@uib.no`;
    const asked = await t.call("POST", "/api/account-requests", {
      body: { trustId: world.trusts.bergen.id, name: "Eva Hansen", email: address, role: "student_admin" },
    });
    expect(asked.statusCode).toBe(400);
    expect(json(asked)).toMatchObject({
      code: "validation.failed",
      details: { issues: [{ path: "email", message: "email.national_id" }] },
    });
    const created = await t.call("POST", "/api/users", {
      cookie: cookie.admin,
      body: { name: "Eva Hansen", email: address, membership: { role: "student_admin" } },
    });
    expect(created.statusCode).toBe(400);

    const patched = await t.call("PATCH", `/api/rows/${row.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: row.version, email: address },
    });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(json(patched)).toMatchObject({
      code: "rows.invalid",
      details: { issues: [{ path: "email", message: "email.national_id" }] },
    });
    expectNone(JSON.stringify([asked.body, created.body, patched.body]));
  });

  it("refuse a previous username that is a national ID on save, and keep a pasted one only masked and flagged", async () => {
    const current = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows.find((r) => r.id === row.id) as Row;
    const patched = await t.call("PATCH", `/api/rows/${row.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: current.version, previousUsername: inUsername },
    });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(json(patched)).toMatchObject({
      code: "rows.invalid",
      details: { issues: [{ path: "previousUsername", message: "previous_username.national_id" }] },
    });

    const pasted = await t.call("POST", `/api/sheets/${sheet.id}/rows`, {
      cookie: cookie.coordinatorHvl,
      body: {
        rows: [
          {
            ...student,
            lastName: "Hansen",
            nationalId: "",
            email: `${spaced(inEmail)}@stud.hvl.no`,
            previousUsername: spaced(inUsername),
          },
        ],
      },
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    const added = json<{ rows: Row[] }>(pasted).rows[0] as Row;
    expect(added).toMatchObject({ email: `${mask(inEmail)}@stud.hvl.no`, previousUsername: mask(inUsername) });
    expect(added.problems).toEqual(
      expect.arrayContaining([
        { field: "email", code: "email.national_id" },
        { field: "previousUsername", code: "previous_username.national_id" },
      ]),
    );
    expectNone(pasted.body);
  });

  it("refuse a person's username that is a national ID", async () => {
    const persons = createPersonsUsecases({ db: t.database.db, crypto: createDataCrypto(randomBytes(32)) });
    const fou = {
      userId: world.users.studentAdmin.id,
      isSystemAdmin: false,
      trustId: world.trusts.bergen.id,
      roles: ["student_admin"],
      institutionIds: [],
      requestId: null,
    } satisfies Actor;
    await expect(
      persons.upsertByNationalId(fou, {
        nationalId: student.nationalId,
        firstName: "Kari",
        lastName: "Nordmann",
        username: inUsername,
      }),
    ).rejects.toMatchObject({
      code: "validation.failed",
      details: { issues: [{ path: "username", message: "username.national_id" }] },
    });
  });

  it("leave none of the numbers anywhere in the database", async () => {
    expectNone(await databaseDump(t.database));
  });
});
