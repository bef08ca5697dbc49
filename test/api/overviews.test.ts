import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview, OverviewList, Row, Sheet } from "../../src/contracts/overviews.ts";
import { loadConfig } from "../../src/server/config.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { overviewJobs } from "../../src/server/modules/overviews/overviews.jobs.ts";
import { placementRows, rowChanges } from "../../src/server/modules/overviews/overviews.table.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";
import { testDbKind } from "../helpers/test-db.ts";

/** Overview documents, sheets and rows through the API (SPEC §3.2, §3.3, §4, §7). Today: 28.11.2026. */
let t: TestApp;
let world: World;
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const cookie: Record<string, string> = {};
let overview: Overview;
let sheet: Sheet;
let akutt: { id: string; name: string };

const kari = testNationalId({ year: 2035, month: 3, day: 14, individual: 500 });
const ola = testNationalId({ year: 2035, month: 5, day: 2, individual: 520 });

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const b = seedBuilders(t.database.db);
  akutt = await b.placementSite({ trustId: world.trusts.bergen.id, name: "Akuttmottaket" });
  await b.placementSite({ trustId: world.trusts.bergen.id, name: "Kvinneklinikken" });
  for (const key of ["coordinatorHvl", "coordinatorUib", "studentAdmin", "admin"] as const) {
    cookie[key] = await t.login(world.users[key].email);
  }
});
afterAll(async () => {
  await t?.close();
});

const nordmann = {
  lastName: "Nordmann",
  firstName: "Kari",
  nationalId: kari,
  email: "Kari.Nordmann@stud.hvl.no",
  mobile: "912 34 567",
  studyProgramme: "Sykepleie",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: "01.03.2027",
  endDate: "09.04.2027",
};

describe("documents and sheets", () => {
  it("creates the document of a student group, named by the naming standard, and refuses a second one", async () => {
    const res = await t.call("POST", "/api/overviews", {
      cookie: cookie.coordinatorHvl,
      body: { programmeId: world.catalog.hvlNursing.id, cohort: 2025 },
    });
    expect(res.statusCode, res.body).toBe(201);
    overview = json<Overview>(res);
    expect(overview.name).toBe("HVL Sykepleie kull 2025");
    expect(overview.fileName).toBe("Praksisoversikt HVL Sykepleie kull 2025.xlsx");
    expect(overview.group).toMatchObject({ institutionShortName: "HVL", programmeName: "Sykepleie", cohort: 2025 });

    const again = await t.call("POST", "/api/overviews", {
      cookie: cookie.studentAdmin,
      body: { institutionId: world.institutions.hvl.id, programmeId: world.catalog.hvlNursing.id, cohort: 2025 },
    });
    expect(again.statusCode).toBe(409);
    expect(json<{ code: string; details: { overviewId: string } }>(again)).toMatchObject({
      code: "overviews.exists",
      details: { overviewId: overview.id },
    });

    // Another institution's programme is not found for a coordinator.
    const foreign = await t.call("POST", "/api/overviews", {
      cookie: cookie.coordinatorUib,
      body: { institutionId: world.institutions.hvl.id, programmeId: world.catalog.hvlNursing.id, cohort: 2026 },
    });
    expect(foreign.statusCode).toBe(404);
    // FOU must name the institution.
    const noInstitution = await t.call("POST", "/api/overviews", {
      cookie: cookie.studentAdmin,
      body: { programmeId: world.catalog.hvlNursing.id, cohort: 2026 },
    });
    expect(noInstitution.statusCode).toBe(400);
  });

  it("adds sheets named by the naming standard, with the deadline, and refuses a duplicate name", async () => {
    const res = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.coordinatorHvl,
      body: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
    });
    expect(res.statusCode, res.body).toBe(201);
    sheet = json<Sheet>(res);
    expect(sheet).toMatchObject({ name: "Periode 1", deadline: "2027-02-01", deadlineState: "on_time", rowCount: 0 });

    const dup = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.coordinatorHvl,
      body: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
    });
    expect(dup.statusCode).toBe(409);
    expect(json<{ code: string }>(dup).code).toBe("sheets.name_taken");

    const intl = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.coordinatorHvl,
      body: { kind: "international", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
    });
    expect(json<Sheet>(intl).name).toBe("Internasjonale – Periode 1");

    const got = await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.studentAdmin });
    expect(json<Overview>(got).sheets.map((s) => s.name)).toEqual(["Periode 1", "Internasjonale – Periode 1"]);
    // UiB's coordinator does not see HVL's document.
    expect((await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorUib })).statusCode).toBe(
      404,
    );
    const list = json<OverviewList>(await t.call("GET", "/api/overviews", { cookie: cookie.coordinatorUib }));
    expect(list.items.map((o) => o.id)).not.toContain(overview.id);
  });
});

describe("rows", () => {
  let rowKari: Row;
  let rowOla: Row;

  it("adds typed and pasted rows, stored as typed with their problems", async () => {
    const one = await t.call("POST", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl, body: nordmann });
    expect(one.statusCode, one.body).toBe(201);
    rowKari = json<{ rows: Row[] }>(one).rows[0] as Row;
    expect(rowKari).toMatchObject({
      lastName: "Nordmann",
      nationalIdMasked: `${kari.slice(0, 6)} *****`,
      email: "kari.nordmann@stud.hvl.no",
      mobile: "+4791234567",
      placementSiteId: world.catalog.bergenSite.id,
      startDate: "2027-03-01",
      endDate: "2027-04-09",
      registrationState: "not_registered",
      orderState: "not_ordered",
      learningPortalState: "not_needed",
      problems: [],
      version: 1,
    });
    expect(rowKari.personId).not.toBeNull();
    expect(JSON.stringify(one.body)).not.toContain(kari);

    const pasted = await t.call("POST", `/api/sheets/${sheet.id}/rows`, {
      cookie: cookie.coordinatorHvl,
      body: {
        rows: [
          {
            lastName: "Hansen",
            firstName: "Ola",
            nationalId: ola,
            email: "ola@",
            mobile: "123",
            placementSiteName: "Hjerteavdelingen",
            startDate: "20.02.2027",
            endDate: "32.04.2027",
          },
          { ...nordmann, startDate: "05.04.2027", endDate: "09.04.2027" },
        ],
      },
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    const [hansen, twice] = json<{ rows: Row[] }>(pasted).rows as [Row, Row];
    rowOla = hansen;
    const codes = hansen.problems.map((p) => `${p.field}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "email:email.invalid",
        "mobile:mobile.invalid",
        "placementSiteId:rows.unknown_placement_site",
        "startDate:date.outside_period",
        "endDate:date.invalid",
      ]),
    );
    // Kari twice with overlapping dates: an error on both rows.
    expect(twice.problems).toContainEqual({
      field: null,
      code: "rows.duplicate_student",
      details: { reason: "national_id" },
    });
    expect(twice.personId).toBe(rowKari.personId);
    const list = json<{ sheet: Sheet; rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl }),
    );
    expect(list.rows).toHaveLength(3);
    expect(list.rows[0]?.problems).toContainEqual(expect.objectContaining({ code: "rows.duplicate_student" }));
    expect(list.sheet).toMatchObject({ rowCount: 3, problemRowCount: 3 });

    const removed = await t.call("DELETE", `/api/rows/${twice.id}?version=${twice.version}`, {
      cookie: cookie.coordinatorHvl,
    });
    expect(removed.statusCode).toBe(200);
  });

  it("refuses an invalid value in an edit and saves nothing", async () => {
    const res = await t.call("PATCH", `/api/rows/${rowOla.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: rowOla.version, email: "ola@stud.hvl.no", nationalId: "12345678901" },
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ code: string; details: { issues: unknown[] } }>(res)).toMatchObject({
      code: "rows.invalid",
      details: { issues: [{ path: "nationalId", message: "national_id.checksum" }] },
    });
    const [stored] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, rowOla.id));
    expect(stored?.version).toBe(1);
    expect(stored?.email).toBe("ola@");
  });

  it("fixes the row in the grid, bumping the version", async () => {
    const res = await t.call("PATCH", `/api/rows/${rowOla.id}`, {
      cookie: cookie.coordinatorHvl,
      body: {
        version: rowOla.version,
        email: "ola@stud.hvl.no",
        mobile: "+47 412 34 567",
        placementSiteId: akutt.id,
        startDate: "2027-03-01",
        endDate: "2027-04-09",
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    rowOla = json<Row>(res);
    expect(rowOla).toMatchObject({
      version: 2,
      placementSiteName: "Akuttmottaket",
      mobile: "+4741234567",
      problems: [],
    });
  });

  it("refuses a stale version with the row as it is now, and nothing is lost", async () => {
    const res = await t.call("PATCH", `/api/rows/${rowOla.id}`, {
      cookie: cookie.studentAdmin,
      body: { version: 1, firstName: "Olav" },
    });
    expect(res.statusCode).toBe(409);
    const body = json<{ code: string; details: { current: Row } }>(res);
    expect(body.code).toBe("rows.conflict");
    expect(body.details.current).toMatchObject({
      id: rowOla.id,
      version: 2,
      firstName: "Ola",
      email: "ola@stud.hvl.no",
    });
    const del = await t.call("DELETE", `/api/rows/${rowOla.id}?version=1`, { cookie: cookie.studentAdmin });
    expect(del.statusCode).toBe(409);
  });

  it("lets only one of two concurrent edits with the same version win", async () => {
    const [a, b] = await Promise.all([
      t.call("PATCH", `/api/rows/${rowOla.id}`, {
        cookie: cookie.coordinatorHvl,
        body: { version: 2, firstName: "Ola A" },
      }),
      t.call("PATCH", `/api/rows/${rowOla.id}`, {
        cookie: cookie.studentAdmin,
        body: { version: 2, firstName: "Ola B" },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = json<Row>(a.statusCode === 200 ? a : b);
    const loser = json<{ details: { current: Row } }>(a.statusCode === 200 ? b : a);
    expect(winner.version).toBe(3);
    expect(loser.details.current).toMatchObject({ version: 3, firstName: winner.firstName });
    const back = await t.call("PATCH", `/api/rows/${rowOla.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: 3, firstName: "Ola" },
    });
    rowOla = json<Row>(back);
  });

  it(`takes concurrent saves of different rows of one sheet in turn, and exactly one of five same-version edits wins (${testDbKind})`, async () => {
    const rows = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    const [x, y] = rows as [Row, Row];
    const both = await Promise.all([
      t.call("PATCH", `/api/rows/${x.id}`, {
        cookie: cookie.coordinatorHvl,
        body: { version: x.version, previousUsername: "abc1" },
      }),
      t.call("PATCH", `/api/rows/${y.id}`, {
        cookie: cookie.studentAdmin,
        body: { version: y.version, previousUsername: "abc2" },
      }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const current = json<Row>(both[0] as { body: string });
    const five = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        t.call("PATCH", `/api/rows/${x.id}`, {
          cookie: n % 2 ? cookie.coordinatorHvl : cookie.studentAdmin,
          body: { version: current.version, previousUsername: `user${n}` },
        }),
      ),
    );
    expect(five.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const [stored] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, x.id));
    expect(stored?.version).toBe(current.version + 1);
    if (x.id === rowOla.id) rowOla = json<Row>(five.find((r) => r.statusCode === 200) as { body: string });
  });

  it("finds students by name across the documents the caller may see", async () => {
    const mine = json<{ results: { rowId: string; overviewName: string }[] }>(
      await t.call("GET", "/api/search?q=nordm", { cookie: cookie.coordinatorHvl }),
    );
    expect(mine.results.map((r) => r.rowId)).toContain(rowKari.id);
    expect(mine.results[0]?.overviewName).toBe("HVL Sykepleie kull 2025");
    const fou = json<{ results: unknown[] }>(
      await t.call("GET", "/api/search?q=Kari Nordmann", { cookie: cookie.studentAdmin }),
    );
    expect(fou.results).toHaveLength(1);
    const other = json<{ results: unknown[] }>(
      await t.call("GET", "/api/search?q=nordm", { cookie: cookie.coordinatorUib }),
    );
    expect(other.results).toEqual([]);
  });

  it("searches any part of a name in any case, short words and long, sorted by name", async () => {
    const names = async (q: string) =>
      json<{ results: { lastName: string; firstName: string }[] }>(
        await t.call("GET", `/api/search?q=${encodeURIComponent(q)}`, { cookie: cookie.studentAdmin }),
      ).results.map((r) => `${r.firstName} ${r.lastName}`);
    // Two letters walk the names in order; three or more go through the trigram indexes.
    expect(await names("an")).toEqual(["Ola Hansen", "Kari Nordmann"]);
    expect(await names("ANN")).toEqual(["Kari Nordmann"]);
    expect(await names("la hans")).toEqual(["Ola Hansen"]);
    expect(await names("ari an")).toEqual(["Kari Nordmann"]);
    expect(await names("a%n")).toEqual([]);
    expect(await names("_ari")).toEqual([]);
  });

  it("reveals a row's national ID to its coordinator and FOU, audited; the person reveal works through the institution", async () => {
    const res = await t.call("POST", `/api/rows/${rowKari.id}/reveal-national-id`, { cookie: cookie.coordinatorHvl });
    expect(res.statusCode).toBe(200);
    expect(json<{ nationalId: string }>(res).nationalId).toBe(kari);
    expect(
      (await t.call("POST", `/api/rows/${rowKari.id}/reveal-national-id`, { cookie: cookie.coordinatorUib }))
        .statusCode,
    ).toBe(404);
    const person = await t.call("POST", `/api/persons/${rowKari.personId}/reveal-national-id`, {
      cookie: cookie.coordinatorHvl,
      body: { institutionId: world.institutions.hvl.id },
    });
    expect(person.statusCode, person.body).toBe(200);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, rowKari.id), eq(auditEvents.action, "reveal_national_id")));
    expect(audits).toHaveLength(1);
  });

  it("submits only without errors; after the deadline accepted and marked late", async () => {
    // A sheet starting 10.12.2026: deadline 12.11.2026, already passed.
    const late = json<Sheet>(
      await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
        cookie: cookie.coordinatorHvl,
        body: { kind: "norwegian", label: "Periode", number: 2, startDate: "2026-12-10", endDate: "2027-01-20" },
      }),
    );
    expect(late.deadlineState).toBe("late");
    const bad = await t.call("POST", `/api/sheets/${late.id}/rows`, {
      cookie: cookie.coordinatorHvl,
      body: {
        lastName: "Uten",
        firstName: "Epost",
        nationalId: ola,
        mobile: "41234567",
        placementSiteId: akutt.id,
        startDate: "2026-12-10",
        endDate: "2027-01-20",
      },
    });
    const badRow = json<{ rows: Row[] }>(bad).rows[0] as Row;
    expect(badRow.problems).toEqual([{ field: "email", code: "email.empty" }]);
    const refused = await t.call("POST", `/api/sheets/${late.id}/submit`, { cookie: cookie.coordinatorHvl });
    expect(refused.statusCode).toBe(409);
    expect(json<{ code: string; details: { rows: { rowId: string; codes: string[] }[] } }>(refused)).toMatchObject({
      code: "sheets.has_problems",
      details: { rows: [{ rowId: badRow.id, codes: ["email.empty"] }] },
    });
    await t.call("PATCH", `/api/rows/${badRow.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: badRow.version, email: "uten@stud.hvl.no" },
    });
    const ok = await t.call("POST", `/api/sheets/${late.id}/submit`, { cookie: cookie.coordinatorHvl });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ late: boolean; sheet: Sheet }>(ok)).toMatchObject({
      late: true,
      sheet: { deadlineState: "submitted_late", submittedBy: { id: world.users.coordinatorHvl.id } },
    });
    const twice = await t.call("POST", `/api/sheets/${late.id}/submit`, { cookie: cookie.coordinatorHvl });
    expect(twice.statusCode).toBe(409);
  });

  it("submits on time, then keeps every change with who and when, and tells the other side", async () => {
    const submitted = await t.call("POST", `/api/sheets/${sheet.id}/submit`, { cookie: cookie.coordinatorHvl });
    expect(json<{ late: boolean }>(submitted).late).toBe(false);
    const fou = world.users.studentAdmin;
    const before = await t.database.db.select().from(notifications).where(eq(notifications.userId, fou.id));

    const current = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: cookie.coordinatorHvl }),
    );
    const k = current.rows.find((r) => r.id === rowKari.id) as Row;
    const changed = await t.call("PATCH", `/api/rows/${k.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: k.version, placementSiteId: akutt.id, startDate: "08.03.2027" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const row = json<Row>(changed);
    expect(row.changes.map((c) => [c.field, c.from, c.to, c.by.id])).toEqual(
      expect.arrayContaining([
        ["placementSiteId", "Medisinsk avdeling, post 3", "Akuttmottaket", world.users.coordinatorHvl.id],
        ["startDate", "2027-03-01", "2027-03-08", world.users.coordinatorHvl.id],
      ]),
    );

    const after = await t.database.db.select().from(notifications).where(eq(notifications.userId, fou.id));
    const fresh = after.filter((n) => !before.some((b) => b.id === n.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.text).toBe(
      "Kari Nordmann, Praksissted: Medisinsk avdeling, post 3 → Akuttmottaket; Kari Nordmann, Startdato: 01.03.2027 → 08.03.2027 (HVL Sykepleie kull 2025, Periode 1)",
    );
    expect(fresh[0]?.link).toBe(`/oversikter/${overview.id}?ark=${sheet.id}`);
    // The e-mail waits until the batch's window closes (test/api/notification-batches.test.ts).
    const mails = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipientUserId, fou.id));
    expect(mails.filter((m) => m.template === "notification-batch")).toEqual([]);

    // A national ID change is kept masked.
    const k2 = json<Row>(changed);
    const idChange = await t.call("PATCH", `/api/rows/${k2.id}`, {
      cookie: cookie.coordinatorHvl,
      body: { version: k2.version, nationalId: testNationalId({ year: 2035, month: 3, day: 14, individual: 600 }) },
    });
    expect(idChange.statusCode).toBe(200);
    const stored = await t.database.db.select().from(rowChanges).where(eq(rowChanges.rowId, k2.id));
    const nid = stored.find((c) => c.field === "nationalId");
    expect(nid?.fromValue).toBe(`${kari.slice(0, 6)} *****`);
    expect(JSON.stringify(stored)).not.toContain(kari);

    // FOU's change goes to the institution's coordinators.
    const coordinatorBefore = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorHvl.id));
    const o = json<Row>(idChange);
    await t.call("PATCH", `/api/rows/${o.id}`, {
      cookie: cookie.studentAdmin,
      body: { version: o.version, placementSiteName: "Kvinneklinikken" },
    });
    const coordinatorAfter = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.users.coordinatorHvl.id));
    const news = coordinatorAfter.filter((n) => !coordinatorBefore.some((b) => b.id === n.id));
    expect(news.map((n) => n.text)).toEqual([
      "Kari Nordmann, Praksissted: Akuttmottaket → Kvinneklinikken (HVL Sykepleie kull 2025, Periode 1)",
    ]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, o.id), eq(auditEvents.action, "update")));
    expect(audit.map((a) => a.fields)).toContainEqual(["placement_site_id"]);
  });

  it("keeps new rows, removed rows and comments after submission, listed per document", async () => {
    const added = await t.call("POST", `/api/sheets/${sheet.id}/rows`, {
      cookie: cookie.coordinatorHvl,
      body: { ...nordmann, lastName: "Ny", firstName: "Nina", nationalId: "", email: "nina@stud.hvl.no" },
    });
    const nina = json<{ rows: Row[] }>(added).rows[0] as Row;
    expect(nina.addedAfterSubmission).toBe(true);
    const comment = await t.call("POST", `/api/rows/${nina.id}/comments`, {
      cookie: cookie.studentAdmin,
      body: { body: "Mangler fødselsnummer" },
    });
    expect(comment.statusCode).toBe(201);
    expect(json<{ author: { name: string }; at: string }>(comment)).toMatchObject({
      author: { name: world.users.studentAdmin.name },
      at: clock.now().toISOString(),
    });
    const removed = await t.call("DELETE", `/api/rows/${nina.id}?version=${nina.version}`, {
      cookie: cookie.coordinatorHvl,
    });
    expect(removed.statusCode).toBe(200);

    const changes = json<{
      changes: { kind: string; rowLabel: string | null; to: string | null; from: string | null }[];
    }>(await t.call("GET", `/api/overviews/${overview.id}/changes`, { cookie: cookie.studentAdmin })).changes;
    const kinds = changes.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(["row_added", "comment_added", "row_removed", "cell_changed"]));
    expect(changes.find((c) => c.kind === "row_removed")).toMatchObject({ rowLabel: "Ny, Nina", from: "Ny, Nina" });
    expect(
      (await t.call("GET", `/api/overviews/${overview.id}/changes`, { cookie: cookie.coordinatorUib })).statusCode,
    ).toBe(404);
  });

  it("copies a sheet to start the next period, dates moved into it, and records the new sheet", async () => {
    const res = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
      cookie: cookie.coordinatorHvl,
      body: {
        kind: "norwegian",
        label: "Periode",
        number: 3,
        startDate: "2027-08-16",
        endDate: "2027-09-24",
        copyFromSheetId: sheet.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const copy = json<Sheet>(res);
    expect(copy.rowCount).toBe(2);
    const rows = json<{ rows: Row[] }>(
      await t.call("GET", `/api/sheets/${copy.id}/rows`, { cookie: cookie.coordinatorHvl }),
    ).rows;
    const ola2 = rows.find((r) => r.firstName === "Ola") as Row;
    expect(ola2).toMatchObject({
      startDate: "2027-08-16",
      endDate: "2027-09-24",
      problems: [],
      orderState: "not_ordered",
    });
    expect(ola2.personId).toBe(rowOla.personId);
    const changes = json<{ changes: { kind: string; to: string | null }[] }>(
      await t.call("GET", `/api/overviews/${overview.id}/changes`, { cookie: cookie.coordinatorHvl }),
    ).changes;
    expect(changes).toContainEqual(expect.objectContaining({ kind: "sheet_added", to: "Periode 3" }));
    const other = await t.call("POST", `/api/overviews/${world.overviews.uib.overview.id}/sheets`, {
      cookie: cookie.studentAdmin,
      body: {
        kind: "norwegian",
        label: "Periode",
        number: 4,
        startDate: "2027-08-16",
        endDate: "2027-09-24",
        copyFromSheetId: sheet.id,
      },
    });
    expect(other.statusCode).toBe(404);
  });

  it("learning portal: international students without a Norwegian ID need a manual user", async () => {
    const intl = json<Overview>(
      await t.call("GET", `/api/overviews/${overview.id}`, { cookie: cookie.coordinatorHvl }),
    ).sheets.find((s) => s.kind === "international") as Sheet;
    const res = await t.call("POST", `/api/sheets/${intl.id}/rows`, {
      cookie: cookie.coordinatorHvl,
      body: {
        rows: [
          {
            lastName: "Smith",
            firstName: "Emily",
            birthDate: "14.06.2001",
            nationality: "Storbritannia",
            email: "emily.smith@uni.example.ac.uk",
            mobile: "+44 7700 900123",
            homeInstitution: "University of Edinburgh",
            placementSiteId: akutt.id,
            startDate: "2027-03-01",
            endDate: "2027-04-09",
          },
          {
            lastName: "Müller",
            firstName: "Jonas",
            birthDate: "02.12.2000",
            dNumber: testNationalId({ year: 2000, month: 12, day: 2, individual: 100, kind: "dnr" }),
            email: "jonas@uni.example.de",
            mobile: "+49 151 23456789",
            placementSiteId: akutt.id,
            startDate: "2027-03-01",
            endDate: "2027-04-09",
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [emily, jonas] = json<{ rows: Row[] }>(res).rows as [Row, Row];
    expect(emily).toMatchObject({ learningPortalState: "needed", problems: [], mobile: "+447700900123" });
    expect(jonas).toMatchObject({ learningPortalState: "not_needed", problems: [] });
    expect(jonas.dNumberMasked).toMatch(/^\d{6} \*{5}$/);
  });
});

describe("deadline reminder", () => {
  it("reminds the institution's coordinators 7 days before the deadline, once per sheet", async () => {
    // Deadline 05.01.2027 (start 02.02.2027): due on 29.12.2026.
    const s = json<Sheet>(
      await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
        cookie: cookie.coordinatorHvl,
        body: { kind: "norwegian", label: "Semester", number: 5, startDate: "2027-02-02", endDate: "2027-03-20" },
      }),
    );
    const jobs = overviewJobs({
      db: t.database.db,
      config: loadConfig({
        DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        PUBLIC_URL: "http://praksistilgang.test",
      }),
      clock,
    });
    const early = await jobs.runDeadlineReminders(new Date("2026-12-20T06:00:00Z"));
    expect(early.reminded).toBe(0);
    const due = await jobs.runDeadlineReminders(new Date("2026-12-29T06:00:00Z"));
    expect(due.reminded).toBeGreaterThanOrEqual(1);
    const texts = (
      await t.database.db.select().from(notifications).where(eq(notifications.userId, world.users.coordinatorHvl.id))
    ).filter((n) => n.kind === "overview.deadline_reminder");
    expect(texts.map((n) => n.text)).toContain(
      "Fristen for HVL Sykepleie kull 2025, Semester 5 er 05.01.2027: levér oversikten innen da",
    );
    expect(texts.find((n) => n.text.includes("Semester 5"))?.link).toBe(`/oversikter/${overview.id}?ark=${s.id}`);
    const again = await jobs.runDeadlineReminders(new Date("2026-12-30T06:00:00Z"));
    expect(again.reminded).toBe(0);
  });
});

describe("database", () => {
  it(`never stores a national ID in plain text (${testDbKind})`, async () => {
    const rows = await t.database.db.select().from(placementRows);
    expect(JSON.stringify(rows)).not.toContain(kari);
    expect(JSON.stringify(rows)).not.toContain(ola);
  });
});
