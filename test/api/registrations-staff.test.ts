import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../src/contracts/overviews.ts";
import type { MatchingView, Registration } from "../../src/contracts/registrations.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { auditRows } from "../helpers/audit.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { registrationBuilders } from "../helpers/registration-builders.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * FOU's side of registration (SPEC §3.1): a campaign's registrations, matching by hand to a person or
 * a row, undoing it, FOU's confirmation, the matching view and the missing students — each within
 * the caller's trust and, for coordinators, their institutions.
 */
let t: TestApp;
let world: World;
let build: ReturnType<typeof registrationBuilders>;
const callers = ["admin", "studentAdmin", "coordinatorUib", "coordinatorHvl", "fonnaAdmin"] as const;
const cookie = {} as Record<(typeof callers)[number], string>;
let campaign: Awaited<ReturnType<ReturnType<typeof registrationBuilders>["campaign"]>>;
let fonnaCampaign: typeof campaign;

const key = randomBytes(32).toString("base64");

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_ENCRYPTION_KEY: key } });
  world = await seedWorld(t.database.db);
  build = registrationBuilders(t.database.db, createDataCrypto(Buffer.from(key, "base64")));
  for (const c of callers) cookie[c] = await t.login(world.users[c].email);
  campaign = await build.campaign({
    trustId: world.trusts.bergen.id,
    institutionId: world.institutions.uib.id,
    overviewId: world.overviews.uib.overview.id,
    sheetId: world.overviews.uib.sheet.id,
  });
  fonnaCampaign = await build.campaign({ trustId: world.trusts.fonna.id, institutionId: world.institutions.fsv.id });
});
afterAll(() => t?.close());

async function addRow(sheetId: string, body: Record<string, string>, who = cookie.coordinatorUib): Promise<Row> {
  const res = await t.call("POST", `/api/sheets/${sheetId}/rows`, { cookie: who, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().rows[0] as Row;
}
const registeredAt = async (personId: string) =>
  (await t.database.db.select().from(persons).where(eq(persons.id, personId)))[0]?.registeredAt ?? null;
const rowState = async (sheetId: string, rowId: string) => {
  const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookie.studentAdmin });
  return (res.json().rows as Row[]).find((r) => r.id === rowId)?.registrationState;
};
const post = (path: string, body?: unknown, who = cookie.studentAdmin) => t.call("POST", path, { cookie: who, body });

describe("a campaign's registrations", () => {
  it("lists them by state, searched and sorted, with the national ID masked; coordinators only their institution's", async () => {
    const nationalId = testNationalId({ year: 2004, month: 5, day: 17, individual: 410 });
    await build.registration(campaign, { firstName: "Liste", lastName: "Aa", email: "liste.aa@student.uib.no" });
    await build.registration(campaign, {
      firstName: "Liste",
      lastName: "Bb",
      email: "liste.bb@student.uib.no",
      emailConfirmedAt: null,
      nationalId,
    });
    const all = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?q=liste`, {
      cookie: cookie.studentAdmin,
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().total).toBe(2);
    expect((all.json().items as Registration[]).map((r) => [r.lastName, r.state])).toEqual([
      ["Aa", "confirmed"],
      ["Bb", "unconfirmed"],
    ]);
    expect(all.body).not.toContain(nationalId);
    expect(all.json().items[1].nationalIdMasked).toBe(`${nationalId.slice(0, 6)} *****`);

    const desc = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?q=liste&dir=desc`, {
      cookie: cookie.coordinatorUib,
    });
    expect(desc.json().items.map((r: Registration) => r.lastName)).toEqual(["Bb", "Aa"]);
    const unconfirmed = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?state=unconfirmed&q=bb`, {
      cookie: cookie.admin,
    });
    expect(unconfirmed.json().items.map((r: Registration) => r.lastName)).toEqual(["Bb"]);
    const byEmail = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?q=liste.aa@`, {
      cookie: cookie.admin,
    });
    expect(byEmail.json().total).toBe(1);

    for (const who of [cookie.coordinatorHvl, cookie.fonnaAdmin]) {
      const res = await t.call("GET", `/api/campaigns/${campaign.id}/registrations`, { cookie: who });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("campaign.not_found");
    }
    const bad = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?state=green`, {
      cookie: cookie.admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details.issues)).toContain("state");
  });
});

describe("matching by hand", () => {
  it("matches to a person, sets the person registered (the row says so), undoes it, and audits both", async () => {
    const row = await addRow(world.overviews.uib.sheet.id, {
      lastName: "Manuell",
      firstName: "Mona",
      email: "mona@student.uib.no",
    });
    const reg = await build.registration(campaign, { firstName: "Mona", lastName: "Manuell", email: "mona@privat.no" });
    const matched = await post(`/api/registrations/${reg.id}/match`, { personId: row.personId });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({
      personId: row.personId,
      matchedBy: "manual",
      state: "matched",
      needsConfirmation: false,
    });
    expect(await registeredAt(row.personId as string)).not.toBeNull();
    expect(await rowState(world.overviews.uib.sheet.id, row.id)).toBe("registered");

    const undone = await post(`/api/registrations/${reg.id}/unmatch`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ personId: null, matchedBy: null, state: "confirmed" });
    expect(await registeredAt(row.personId as string)).toBeNull();
    expect(await rowState(world.overviews.uib.sheet.id, row.id)).toBe("not_registered");
    const again = await post(`/api/registrations/${reg.id}/unmatch`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("registration.not_matched");

    expect((await auditRows(t, reg.id)).map((a) => [a.entity, a.action])).toEqual([
      ["registration", "match"],
      ["registration", "unmatch"],
    ]);
    const personAudit = await auditRows(t, row.personId as string);
    expect(personAudit.filter((a) => a.fields.includes("registered_at"))).toHaveLength(2);
  });

  it("matches to a row of the campaign's institution; an unconfirmed e-mail leaves the person not registered", async () => {
    const row = await addRow(world.overviews.uib.sheet.id, {
      lastName: "Radmatch",
      firstName: "Rune",
      email: "rune@student.uib.no",
    });
    const reg = await build.registration(campaign, { firstName: "Rune", lastName: "Radmatch", emailConfirmedAt: null });
    const res = await post(`/api/registrations/${reg.id}/match`, { rowId: row.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personId: row.personId, matchedBy: "manual", state: "unconfirmed" });
    expect(await registeredAt(row.personId as string)).toBeNull();
  });

  it("answers 404 for another institution's row, another trust's person or registration, and refuses bad bodies", async () => {
    const reg = await build.registration(campaign, { firstName: "Iso", lastName: "Lasjon" });
    const hvlRow = await addRow(
      world.overviews.hvl.sheet.id,
      { lastName: "Annen", firstName: "Inst", email: "inst@hvl.no" },
      cookie.studentAdmin,
    );
    const hvl = await post(`/api/registrations/${reg.id}/match`, { rowId: hvlRow.id });
    expect(hvl.statusCode).toBe(404);
    expect(hvl.json().code).toBe("registration.row_not_found");
    const fonnaRow = await post(`/api/registrations/${reg.id}/match`, { rowId: world.overviews.fonna.row.id });
    expect(fonnaRow.statusCode).toBe(404);
    const fonnaPerson = await post(`/api/registrations/${reg.id}/match`, { personId: world.students.fonna.id });
    expect(fonnaPerson.statusCode).toBe(404);
    expect(fonnaPerson.json().code).toBe("registration.person_not_found");

    const fonnaReg = await build.registration(fonnaCampaign);
    for (const path of ["match", "unmatch", "confirm"]) {
      const res = await post(
        `/api/registrations/${fonnaReg.id}/${path}`,
        path === "match" ? { personId: world.students.bergen.id } : undefined,
      );
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe("registration.not_found");
    }
    const both = await post(`/api/registrations/${reg.id}/match`, {
      personId: world.students.bergen.id,
      rowId: hvlRow.id,
    });
    expect(both.statusCode).toBe(400);
    const coordinator = await post(`/api/registrations/${reg.id}/match`, { rowId: hvlRow.id }, cookie.coordinatorUib);
    expect(coordinator.statusCode).toBe(403);
  });
});

describe("FOU's confirmation", () => {
  it("a national ID typed with an e-mail the rows lack waits for FOU; confirming registers the person", async () => {
    const row = await addRow(world.overviews.uib.sheet.id, {
      lastName: "Bekreft",
      firstName: "Berit",
      email: "berit@student.uib.no",
    });
    const reg = await build.registration(campaign, {
      firstName: "Berit",
      lastName: "Bekreft",
      email: "berit@annen.no",
      personId: row.personId,
      matchedBy: "national_id",
    });
    const list = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?q=bekreft`, {
      cookie: cookie.studentAdmin,
    });
    expect(list.json().items[0]).toMatchObject({ id: reg.id, state: "matched", needsConfirmation: true });
    expect(await registeredAt(row.personId as string)).toBeNull();

    const res = await post(`/api/registrations/${reg.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ needsConfirmation: false, state: "matched" });
    expect(await registeredAt(row.personId as string)).not.toBeNull();
    const again = await post(`/api/registrations/${reg.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("registration.nothing_to_confirm");
  });

  it("applies a waiting change to the registration it supersedes", async () => {
    const original = await build.registration(campaign, {
      firstName: "Endre",
      lastName: "Endring",
      email: "gammel@student.uib.no",
    });
    const change = await build.registration(campaign, {
      firstName: "Endre",
      lastName: "Endring",
      email: "ny@student.uib.no",
      mobile: "+4798765432",
      supersedesId: original.id,
    });
    const res = await post(`/api/registrations/${change.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: original.id, email: "ny@student.uib.no", mobile: "+4798765432" });
    const list = await t.call("GET", `/api/campaigns/${campaign.id}/registrations?q=endring`, {
      cookie: cookie.studentAdmin,
    });
    expect(list.json().items.map((r: Registration) => r.id)).toEqual([original.id]);
  });
});

describe("the matching view and the missing students", () => {
  it("suggests rows by name beside the rows without a registration; missing counts an unconfirmed e-mail as not registered", async () => {
    const sheetId = world.overviews.uib.sheet.id;
    const kari = await addRow(sheetId, { lastName: "Nordmann", firstName: "Kari", email: "kari@student.uib.no" });
    const ola = await addRow(sheetId, { lastName: "Vestbø", firstName: "Ola", email: "ola@student.uib.no" });
    const reg = await build.registration(campaign, { firstName: "Kari", lastName: "Nordman", email: "kari@privat.no" });
    const res = await t.call("GET", `/api/registrations/matching?campaignId=${campaign.id}&limit=200`, {
      cookie: cookie.studentAdmin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as MatchingView;
    const mine = view.registrations.items.find((r) => r.id === reg.id);
    expect(mine?.suggestions[0]?.row.rowId).toBe(kari.id);
    expect(mine?.suggestions.length).toBeLessThanOrEqual(3);
    expect(view.rows.items.map((r) => r.rowId)).toEqual(expect.arrayContaining([kari.id, ola.id]));

    await post(`/api/registrations/${reg.id}/match`, { rowId: kari.id });
    const after = (
      await t.call("GET", `/api/registrations/matching?campaignId=${campaign.id}&limit=200`, {
        cookie: cookie.studentAdmin,
      })
    ).json() as MatchingView;
    expect(after.registrations.items.map((r) => r.id)).not.toContain(reg.id);
    expect(after.rows.items.map((r) => r.rowId)).not.toContain(kari.id);

    const unconfirmed = await build.registration(campaign, {
      firstName: "Ola",
      lastName: "Vestbø",
      emailConfirmedAt: null,
    });
    await post(`/api/registrations/${unconfirmed.id}/match`, { rowId: ola.id });
    const missing = await t.call("GET", `/api/campaigns/${campaign.id}/missing?limit=200`, {
      cookie: cookie.coordinatorUib,
    });
    expect(missing.statusCode, missing.body).toBe(200);
    const ids = missing.json().items.map((r: { rowId: string }) => r.rowId);
    expect(ids).toContain(ola.id);
    expect(ids).not.toContain(kari.id);
    const hvl = await t.call("GET", `/api/campaigns/${campaign.id}/missing`, { cookie: cookie.coordinatorHvl });
    expect(hvl.statusCode).toBe(404);
    const coordinatorMatching = await t.call("GET", `/api/registrations/matching?campaignId=${campaign.id}`, {
      cookie: cookie.coordinatorUib,
    });
    expect(coordinatorMatching.statusCode).toBe(403);
    const fonna = await t.call("GET", `/api/registrations/matching?campaignId=${fonnaCampaign.id}`, {
      cookie: cookie.studentAdmin,
    });
    expect(fonna.statusCode).toBe(404);
  });
});
