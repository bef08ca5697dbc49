import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Change, type Overview, type Row, type Sheet, sheetRowsSchema } from "../../src/contracts/overviews.ts";
import type { Campaign, MatchingView, Registration } from "../../src/contracts/registrations.ts";
import { validateNationalId } from "../../src/domain/national-id.ts";
import { loadConfig } from "../../src/server/config.ts";
import { demoUsers, fillDemoData } from "../../src/server/demo/demo-data.ts";
import { rowPlaces } from "../../src/server/modules/overviews/row-codec.ts";
import { nationalIdPlace } from "../../src/server/modules/persons/persons.public.ts";
import { registrationNationalIdPlace } from "../../src/server/modules/registrations/registration-dtos.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The demo's semester (issue 8) and registration campaigns (issue 12): filled into a fresh database
 * through the app's own use-cases on the test clock's day, then read through the API as the people
 * who sign in would.
 */
const password = "demo-passord";
const key = randomBytes(32).toString("base64");
const clock = createTestClock();
let t: TestApp;
let admin: string;
let overviews: Overview[];
let sheets: Sheet[];
const rowsOf = new Map<string, Row[]>();
/** Each sheet's answer as it was written (by the serializer compiled from the contract). */
const bodyOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DATA_ENCRYPTION_KEY: key } });
  const config = loadConfig({
    DATA_ENCRYPTION_KEY: key,
    LOG_LEVEL: "silent",
    PUBLIC_URL: "http://praksistilgang.test",
  });
  await fillDemoData(t.database.db, {
    password,
    crypto: createDataCrypto(config.encryptionKey),
    publicUrl: config.publicUrl,
    clock,
  });
  admin = await t.login("admin@demo.test", password);
  const list = await t.call("GET", "/api/overviews?limit=200", { cookie: admin });
  expect(list.statusCode).toBe(200);
  overviews = list.json().items;
  expect(overviews).toHaveLength(list.json().total);
  sheets = overviews.flatMap((o) => o.sheets);
  for (const sheet of sheets) {
    const res = await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    rowsOf.set(sheet.id, res.json().rows);
    bodyOf.set(sheet.id, res.body);
  }
});
afterAll(() => t.close());

const errorsOf = (row: Row) => row.problems.filter((p) => !p.warning);
const query = async (statement: string) =>
  ((await t.database.db.execute(sql.raw(statement))) as unknown as { rows: Record<string, string | null>[] }).rows;

describe("the demo semester", () => {
  it("answers every sheet exactly as the contract's Zod encoding would, values checked", () => {
    // The sheet is written by a serializer compiled from its contract, which does not check the
    // values' formats: Zod's encoding of what was sent throws on a value the contract does not allow,
    // and writes the same bytes when the two agree.
    for (const sheet of sheets) {
      const body = bodyOf.get(sheet.id) as string;
      expect(JSON.stringify(z.encode(sheetRowsSchema, JSON.parse(body))), sheet.name).toBe(body);
    }
    const all = [...rowsOf.values()].flat();
    // …over answers that hold each optional part of a row.
    expect(all.some((r) => r.comments.length > 0)).toBe(true);
    expect(all.some((r) => r.changes.length > 0)).toBe(true);
    expect(all.some((r) => r.problems.some((p) => p.details))).toBe(true);
    expect(all.some((r) => r.nationalIdMasked !== null)).toBe(true);
    expect(all.some((r) => r.withdrawn !== null)).toBe(true);
  });

  it("has documents for every programme, with sheets in every deadline state and an international one", () => {
    const programmes = new Set(overviews.map((o) => `${o.group.institutionShortName} ${o.group.programmeName}`));
    expect([...programmes].sort()).toEqual([
      "HVL Bioingeniør",
      "HVL Fysioterapi",
      "HVL Radiografi",
      "HVL Sykepleie",
      "UiB Medisin",
      "VID Sykepleie",
    ]);
    const states = new Set(sheets.map((s) => s.deadlineState));
    expect([...states].sort()).toEqual(["due_soon", "late", "on_time", "submitted", "submitted_late"]);
    expect(sheets.some((s) => s.kind === "international")).toBe(true);
    for (const sheet of sheets) {
      expect(sheet.rowCount, sheet.name).toBeGreaterThanOrEqual(15);
      expect(sheet.rowCount, sheet.name).toBeLessThanOrEqual(40);
      expect(rowsOf.get(sheet.id)).toHaveLength(sheet.rowCount);
    }
  });

  it("counts the rows with errors as the rows' problems say, and submitted sheets have none", () => {
    for (const sheet of sheets) {
      const rows = rowsOf.get(sheet.id) ?? [];
      expect(sheet.problemRowCount, sheet.name).toBe(rows.filter((r) => errorsOf(r).length > 0).length);
      if (sheet.submittedAt) expect(sheet.problemRowCount, sheet.name).toBe(0);
    }
    const codes = new Set([...rowsOf.values()].flat().flatMap((r) => r.problems.map((p) => p.code)));
    for (const code of [
      "national_id.checksum",
      "mobile.empty",
      "email.invalid",
      "rows.unknown_placement_site",
      "date.outside_period",
      "rows.duplicate_student",
      "date.empty",
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(sheets.filter((s) => s.problemRowCount > 0 && !s.submittedAt).length).toBeGreaterThanOrEqual(4);
  });

  it("has a submitted sheet changed afterwards, in red, with comments from both sides", async () => {
    // The demo's extension (FOU's own step on the ordered sheet) aside.
    const kept = (id: string) =>
      (rowsOf.get(id) ?? []).flatMap((r) => r.changes.filter((c) => c.kind !== "row_extended"));
    const changed = sheets.filter((s) => kept(s.id).length > 0);
    // Two: this one, and the ordered sheet where one student's end date moved after the order (and
    // another student was withdrawn, the deactivation list's demo).
    expect(changed).toHaveLength(2);
    const sheet = changed.find((s) => (rowsOf.get(s.id) ?? []).some((r) => r.comments.length > 0)) as Sheet;
    const moved = (changed.find((s) => s !== sheet) as Sheet).id;
    const movedChanges = kept(moved);
    expect(movedChanges.flatMap((c) => (c.field ? [c.field] : []))).toEqual(["endDate"]);
    expect(movedChanges.filter((c) => c.kind === "row_withdrawn")).toHaveLength(1);
    expect(sheet.deadlineState).toBe("submitted");
    const rows = rowsOf.get(sheet.id) ?? [];
    expect(rows.filter((r) => r.addedAfterSubmission)).toHaveLength(1);
    const commented = rows.filter((r) => r.comments.length > 0);
    expect(commented.flatMap((r) => r.comments.map((c) => c.author.name)).sort()).toEqual([
      "Marit Solberg",
      "Ola Brekke",
    ]);
    const res = await t.call("GET", `/api/overviews/${sheet.overviewId}/changes`, { cookie: admin });
    const listed = (res.json().changes as Change[]).filter((c) => c.kind !== "row_extended");
    const kinds = new Set(listed.map((c) => c.kind));
    const sameDocument = sheets.find((s) => s.id === moved)?.overviewId === sheet.overviewId;
    const expectedKinds = ["cell_changed", "comment_added", "row_added", "row_removed", "sheet_added"];
    if (sameDocument) expectedKinds.splice(4, 0, "row_withdrawn");
    expect([...kinds].sort()).toEqual(expectedKinds);
    const fields = listed.map((c) => c.field).filter(Boolean);
    // The document's changes: this sheet's, and (when it is the same document) the end date moved after the order.
    const expected = ["mobile", "placementSiteId", "startDate"];
    if (sameDocument) expected.unshift("endDate");
    expect(fields.sort()).toEqual(expected);
  });

  it("has students with Norwegian and international names, school e-mails and mobile numbers", () => {
    const all = [...rowsOf.values()].flat();
    expect(all.some((r) => /[æøå]/i.test(`${r.firstName}${r.lastName}`))).toBe(true);
    expect(all.some((r) => r.nationality && r.homeInstitution && r.birthDate)).toBe(true);
    for (const row of all) {
      expect(row.email, row.lastName).not.toMatch(/\d{6}/);
      if (errorsOf(row).some((p) => p.field === "email")) continue;
      expect(row.email).toMatch(/@(stud\.hvl\.no|student\.uib\.no|stud\.vid\.no)$/);
    }
    const norwegianMobiles = all.map((r) => r.mobile).filter((m) => m.startsWith("+47"));
    expect(norwegianMobiles.length).toBeGreaterThan(200);
    for (const mobile of norwegianMobiles) expect(mobile).toMatch(/^\+47[49]\d{7}$/);
  });

  it("stores only national IDs of the test series, or numbers that are none at all", async () => {
    const crypto = createDataCrypto(loadConfig({ DATA_ENCRYPTION_KEY: key, LOG_LEVEL: "silent" }).encryptionKey);
    const values = [
      ...(await query("select id, national_id_enc, d_number_enc from placement_rows")).flatMap((r) => [
        r.national_id_enc ? crypto.decrypt(r.national_id_enc, rowPlaces(r.id as string).nationalId) : null,
        r.d_number_enc ? crypto.decrypt(r.d_number_enc, rowPlaces(r.id as string).dNumber) : null,
      ]),
      ...(await query("select id, national_id_enc from persons")).map((r) =>
        r.national_id_enc ? crypto.decrypt(r.national_id_enc, nationalIdPlace(r.id as string)) : null,
      ),
      ...(await query("select id, national_id_enc from registrations")).map((r) =>
        r.national_id_enc ? crypto.decrypt(r.national_id_enc, registrationNationalIdPlace(r.id as string)) : null,
      ),
    ].filter((v): v is string => v !== null);
    expect(values.length).toBeGreaterThan(300);
    for (const value of values) {
      const inTestMode = validateNationalId(value, { testMode: true });
      const real = validateNationalId(value, { testMode: false });
      // A test number outside test mode is refused as such; a mistyped one is no number of any kind.
      if (inTestMode.ok) expect(real, value).toEqual({ ok: false, code: "national_id.test_number_not_allowed" });
      else expect(real.ok, value).toBe(false);
    }
  });
});

const dashboardOf = async (email: string) => {
  const res = await t.call("GET", "/api/dashboard", { cookie: await t.login(email, password) });
  expect(res.statusCode).toBe(200);
  return res.json().items as { key: string; count: number; link: string }[];
};
const counts = async (email: string) => Object.fromEntries((await dashboardOf(email)).map((i) => [i.key, i.count]));

describe("the start pages of the demo people", () => {
  it("give admin and FOU documents, sheets due and rows with errors to look at", async () => {
    for (const email of ["admin@demo.test", "fou@demo.test"]) {
      const items = await counts(email);
      expect(items.overviews, email).toBe(overviews.length);
      expect(items.sheetsDue, email).toBeGreaterThan(0);
      expect(items.problemRows, email).toBeGreaterThan(0);
    }
  });

  it("give each coordinator their institution's documents, with something due or to fix", async () => {
    for (const user of demoUsers.filter((u) => u.role === "coordinator")) {
      const items = await counts(user.email);
      expect(items.overviews, user.email).toBe(
        overviews.filter((o) => o.group.institutionShortName === user.institution).length,
      );
      expect(items.overviews, user.email).toBeGreaterThan(0);
      expect(items.sheetsDue, user.email).toBeGreaterThan(0);
      expect(items.problemRows, user.email).toBeGreaterThan(0);
    }
  });

  it("tell FOU what changed after submission, and coordinators of FOU's comment and their deadlines", async () => {
    const unread = async (email: string) => {
      const res = await t.call("GET", "/api/notifications?unread=true", { cookie: await t.login(email, password) });
      return (res.json().items as { kind: string }[]).map((n) => n.kind);
    };
    const fou = await unread("fou@demo.test");
    expect(fou).toContain("overview.changed");
    expect(fou).toContain("overview.submitted");
    const hvl = await unread("koordinator.hvl@demo.test");
    expect(hvl).toContain("overview.changed");
    expect(hvl).toContain("overview.deadline_reminder");
  });
});

describe("the demo's registration campaigns (issue 12)", () => {
  let fou: string;
  let campaigns: Campaign[];
  const get = async (path: string, cookie = fou) => {
    const res = await t.call("GET", path, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    fou = await t.login("fou@demo.test", password);
    campaigns = (await get("/api/campaigns?limit=200")).items;
  });

  it("has an open campaign per institution, tied to its sheet, with registrations in every state, and a closed one", () => {
    const open = campaigns.filter((c) => c.state === "open");
    expect(open.map((c) => c.institutionName).sort()).toEqual([
      "Høgskulen på Vestlandet",
      "Universitetet i Bergen",
      "VID vitenskapelige høgskole",
    ]);
    for (const c of open) {
      expect(sheets.find((s) => s.id === c.sheetId)?.startDate, c.name).toBeDefined();
      for (const n of Object.values(c.counts)) expect(n, c.name).toBeGreaterThan(0);
    }
    const closed = campaigns.filter((c) => c.state === "closed");
    expect(closed.map((c) => c.counts.transferred > 0)).toEqual([true]);
  });

  it("gives FOU's start page numbers that the lists they link to count the same", async () => {
    const items = await dashboardOf("fou@demo.test");
    const item = (key: string) => items.find((i) => i.key === key);
    const sum = (state: keyof Campaign["counts"]) => campaigns.reduce((n, c) => n + c.counts[state], 0);
    for (const [key, state] of [
      ["registrationsUnmatched", "confirmed"],
      ["registrationsUnconfirmed", "unconfirmed"],
    ] as const) {
      expect(item(key)).toEqual({ key, count: sum(state), link: `/registrering/kampanjer?tilstand=${state}` });
      expect(sum(state), key).toBeGreaterThan(0);
      let listed = 0;
      for (const c of campaigns) listed += (await get(`/api/campaigns/${c.id}/registrations?state=${state}`)).total;
      expect(listed, key).toBe(sum(state));
    }
    const ready = (await get("/api/hr-transfer/ready")).total;
    expect(item("readyForHrTransfer")).toMatchObject({ count: ready, link: "/registrering/overfoering" });
    expect(ready).toBeGreaterThan(0);
    const exports = (await get("/api/hr-transfer/exports")).items as { markedAt: string | null }[];
    expect(exports).toHaveLength(campaigns.length);
    for (const e of exports) expect(e.markedAt).not.toBeNull();
  });

  it("gives each coordinator the number of their students not registered, as long as the list it opens", async () => {
    for (const user of demoUsers.filter((u) => u.role === "coordinator")) {
      const cookie = await t.login(user.email, password);
      const item = (await dashboardOf(user.email)).find((i) => i.key === "studentsNotRegistered");
      const campaign = campaigns.find((c) => c.state === "open" && c.name.startsWith(user.institution as string));
      expect(item?.link, user.email).toBe(`/registrering/kampanjer/${campaign?.id}?vis=mangler`);
      expect(item?.count, user.email).toBeGreaterThan(0);
      const missing = await get(`/api/campaigns/${campaign?.id}/missing?limit=200`, cookie);
      expect(missing.total, user.email).toBe(item?.count);
      for (const row of missing.items) expect(`${row.firstName} ${row.lastName}`.trim()).not.toBe("");
    }
  });

  it("gives FOU's matching view registrations to match, with the row of a mistyped name suggested", async () => {
    for (const c of campaigns.filter((c) => c.state === "open")) {
      const { registrations: regs, rows }: MatchingView = await get(`/api/registrations/matching?campaignId=${c.id}`);
      const waiting = regs.items.filter((r) => r.needsConfirmation && r.personId);
      const unmatched = regs.items.filter((r) => r.state === "confirmed");
      const typo = unmatched.filter((r) => r.suggestions.some((s) => s.row.lastName === r.lastName && s.score < 1));
      expect([waiting.length, unmatched.length, typo.length], c.name).toEqual([1, 2, 1]);
      expect(rows.total, c.name).toBeGreaterThan(0);
      const all: Registration[] = (await get(`/api/campaigns/${c.id}/registrations?limit=200`)).items;
      for (const r of all) expect(r.email).toMatch(/@(stud\.hvl|student\.uib|stud\.vid)\.no$|@example\.(com|net)$/);
    }
  });

  it("turns the Registrert cells of registered students, green for those transferred, in every sheet of theirs", () => {
    const all = [...rowsOf.values()].flat();
    const transferred = all.filter((r) => r.registrationState === "transferred");
    expect(transferred.length).toBeGreaterThan(20);
    expect(all.filter((r) => r.registrationState === "registered").length).toBeGreaterThan(5);
    expect(all.filter((r) => r.registrationState === "not_registered").length).toBeGreaterThan(0);
    const sheetsOf = (r: Row) => new Set(all.filter((o) => o.personId === r.personId).map((o) => o.sheetId));
    expect(transferred.some((r) => sheetsOf(r).size > 1)).toBe(true);
    const green = new Set(transferred.map((r) => r.personId));
    for (const r of all.filter((o) => green.has(o.personId))) expect(r.registrationState).toBe("transferred");
  });

  it("audits the registrations as the demo's requests, the students' own without an actor", async () => {
    const rows = await query("select actor_id, action, request_id from audit_events where entity = 'registration'");
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["create", "confirm_email", "match"]));
    for (const r of rows) expect([r.request_id, r.actor_id]).toEqual(["demo-data", null]);
  });
});

describe("the demo's clinical systems and access profiles", () => {
  it("have the trust's systems with their roles, one profile per demo profession and a profile with history", async () => {
    const systems = (await t.call("GET", "/api/clinical-systems?status=all&limit=200", { cookie: admin })).json();
    expect(systems.items.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(["DIPS Arena", "Metavision", "Synergi", "Sectra PACS", "RIS"]),
    );
    expect(systems.items.filter((s: { archived: boolean }) => s.archived).map((s: { name: string }) => s.name)).toEqual(
      ["DocuLive EPJ"],
    );
    const fou = await t.login("fou@demo.test", password);
    const profiles = (await t.call("GET", "/api/access-profiles", { cookie: fou })).json();
    const professions = (await t.call("GET", "/api/professions", { cookie: admin })).json();
    expect(profiles.items.map((p: { professionName: string }) => p.professionName).sort()).toEqual(
      professions.map((p: { name: string }) => p.name).sort(),
    );
    for (const profile of profiles.items as {
      professionName: string;
      current: { items: unknown[]; limits: string };
    }[]) {
      expect(profile.current.items.length, profile.professionName).toBeGreaterThan(0);
      expect(profile.current.limits, profile.professionName).not.toBe("");
      expect(profile.current.items, profile.professionName).toEqual(
        profile.current.items.map(() => expect.objectContaining({ systemArchived: false, roleRemoved: false })),
      );
    }
    const nurse = profiles.items.find((p: { professionName: string }) => p.professionName === "Sykepleier");
    const history = (await t.call("GET", `/api/access-profiles/${nurse.id}`, { cookie: admin })).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.versions[1].items[0]).toMatchObject({ systemName: "DocuLive EPJ", systemArchived: true });
  });
});

describe("the demo orders", () => {
  it("has orders in every state and lines in every state the IT provider works", async () => {
    const fou = await t.login("fou@demo.test", password);
    const list = (await t.call("GET", "/api/orders?limit=200", { cookie: fou })).json();
    const states = list.items.map((o: { state: string }) => o.state);
    expect(new Set(states)).toEqual(new Set(["draft", "ordered", "cancelled"]));
    const lineStates = new Set(
      list.items.flatMap((o: { lineStates: Record<string, number> }) => Object.keys(o.lineStates)),
    );
    for (const s of ["draft", "ordered", "approved", "implemented", "rejected", "cancelled"])
      expect(lineStates).toContain(s);
    const ikt = await t.login("ikt@demo.test", password);
    const queue = (await t.call("GET", "/api/order-lines", { cookie: ikt })).json();
    expect(queue.total).toBeGreaterThan(0);
    expect(new Set(queue.items.map((l: { state: string }) => l.state))).toEqual(new Set(["ordered", "approved"]));
  });

  it("has a sheet whose every ordered row is implemented, with usernames, and a rejection with FOU's message", async () => {
    const fou = await t.login("fou@demo.test", password);
    const list = (await t.call("GET", "/api/orders?state=ordered&limit=200", { cookie: fou })).json();
    // Every line implemented, but one student's, changed after the order (a new end date), and the
    // one the demo's extension put on the IT provider's list.
    const done = list.items.find(
      (o: { lineStates: Record<string, number> }) =>
        Object.keys(o.lineStates).sort().join() === "changed,extended,implemented",
    );
    expect(done).toBeDefined();
    const order = (await t.call("GET", `/api/orders/${done.id}`, { cookie: fou })).json();
    expect(order.lines.every((l: { username: string | null }) => l.username)).toBe(true);
    const rows = rowsOf.get(done.sheetId) ?? [];
    const ordered = new Set(order.lines.map((l: { rowId: string }) => l.rowId));
    expect(ordered.size).toBe(order.rowCount);
    const cells = (await t.call("GET", `/api/sheets/${done.sheetId}/rows`, { cookie: fou })).json().rows as Row[];
    const states = cells.filter((r) => ordered.has(r.id)).map((r) => r.orderState);
    expect(states.filter((s) => s !== "implemented" && s !== "extended")).toEqual(["changed"]);
    expect(cells.filter((r) => r.orderState === "extended" && r.extendedFrom)).toHaveLength(1);
    expect(rows.length).toBeGreaterThanOrEqual(ordered.size);
    const rejected = await query(
      "select reject_reason, fou_message from order_lines where state = 'rejected' and fou_message is not null",
    );
    expect(rejected.length).toBeGreaterThan(0);
  });
});
