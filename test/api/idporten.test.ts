import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskNationalId } from "../../src/domain/national-id.ts";
import { sessions } from "../../src/server/modules/auth/auth.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { idportenIdentities, idportenLogins } from "../../src/server/modules/registrations/idporten.table.ts";
import { takeIdportenIdentity } from "../../src/server/modules/registrations/idporten-identities.ts";
import { registrationNationalIdPlace } from "../../src/server/modules/registrations/registration-dtos.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { startTestProvider, type TestAccount, type TestProvider } from "../helpers/oidc-test-provider.ts";
import { linksIn, mailTo, studentForm } from "../helpers/registration.ts";
import { insertCampaign } from "../helpers/registrations.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * "Logg inn med ID-porten" on the students' public form, end to end against a real oidc-provider on
 * 127.0.0.1 (the test plays the browser): it never signs anyone in, and what it verified waits
 * under a one-time token for the registration.
 */
const redirectUri = "http://praksistilgang.test/api/public/idporten/callback";
const clientSecret = "idporten-klienthemmelighet";
const encryptionKey = randomBytes(32);
const crypto = createDataCrypto(encryptionKey);
let t: TestApp;
let world: World;
let idp: TestProvider;
let providerId: string;
let bergenToken: string;
let fonnaToken: string;
let bergenCampaignId: string;

const pid = testNationalId({ day: 12, month: 3, year: 2003, kind: "tnr" });
const student: TestAccount = { sub: "idporten-sub-0001", pid, given_name: "Sigrid", family_name: "Aas" };

beforeAll(async () => {
  idp = await startTestProvider({ clientId: "praksistilgang-idporten", clientSecret, redirectUri });
  t = await createTestApp({ env: { DATA_ENCRYPTION_KEY: encryptionKey.toString("base64") } });
  world = await seedWorld(t.database.db);
  const adminCookie = await t.login(world.users.admin.email);
  const res = await t.call("POST", "/api/identity-providers", {
    cookie: adminCookie,
    body: {
      kind: "idporten",
      displayName: "ID-porten",
      issuer: idp.issuer,
      clientId: "praksistilgang-idporten",
      clientSecret,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().redirectUri).toBe(redirectUri);
  providerId = res.json().id;
  // The sign-in runs on the real clock (the provider's tokens do), so the deadline is a month ahead of it.
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const bergen = await insertCampaign(t.database.db, {
    trustId: world.trusts.bergen.id,
    institutionId: world.institutions.uib.id,
    deadline,
  });
  ({ token: bergenToken, id: bergenCampaignId } = bergen);
  fonnaToken = (
    await insertCampaign(t.database.db, {
      trustId: world.trusts.fonna.id,
      institutionId: world.institutions.fsv.id,
      deadline,
    })
  ).token;
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** Starts at the form's button, goes through ID-porten as `account`; answers the callback path and the cookie. */
async function throughIdporten(account: TestAccount, token = bergenToken) {
  const res = await t.call("GET", `/api/public/campaigns/${token}/idporten`);
  expect(res.statusCode, res.body).toBe(302);
  const location = res.headers.location as string;
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  const cookie = res.cookies.find((c) => c.name === "pt_idporten");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.path).toBe("/api/public/idporten");
  const callback = await idp.signIn(location, account);
  return { path: `${callback.pathname}${callback.search}`, location, cookie: `pt_idporten=${cookie?.value}` };
}

const callback = (path: string, cookie?: string) => t.call("GET", path, { headers: cookie ? { cookie } : {} });
const oneTimeOf = (location: string) => new URL(location, "http://x").searchParams.get("idporten") as string;
const countOf = async (table: typeof users | typeof sessions) =>
  (await t.database.db.select({ n: count() }).from(table))[0]?.n;

describe("the ID-porten provider", () => {
  it("is never a button on the staff sign-in page, and cannot sign staff in", async () => {
    const list = (await t.call("GET", "/api/auth/providers")).json() as { id: string }[];
    expect(list.map((p) => p.id)).not.toContain(providerId);
    const res = await t.call("GET", `/api/auth/oidc/${providerId}/start`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/logg-inn?feil=oidc.provider_unavailable");
  });
});

describe("signing in with ID-porten on the form", () => {
  it("asks with PKCE S256, state, nonce and the openid profile scope", async () => {
    const res = await t.call("GET", `/api/public/campaigns/${bergenToken}/idporten`);
    const url = new URL(res.headers.location as string);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(url.searchParams.get("scope")).toBe("openid profile");
    expect(url.searchParams.get("nonce")).toBeTruthy();
    const state = url.searchParams.get("state") as string;
    expect(JSON.stringify(await t.database.db.select().from(idportenLogins))).not.toContain(state);
  });

  it("comes back to the form with a one-time token, creating no user and no session", async () => {
    const usersBefore = await countOf(users);
    const sessionsBefore = await countOf(sessions);
    const { path, cookie } = await throughIdporten(student);
    const res = await callback(path, cookie);
    expect(res.statusCode, res.body).toBe(302);
    const location = res.headers.location as string;
    expect(location).toMatch(new RegExp(`^/registrer/${bergenToken}\\?idporten=[\\w-]{43}$`));
    expect(res.cookies.find((c) => c.name === "pt_session")).toBeUndefined();
    expect(await countOf(users)).toBe(usersBefore);
    expect(await countOf(sessions)).toBe(sessionsBefore);

    const oneTime = oneTimeOf(location);
    const shown = await t.call("GET", `/api/public/idporten/${oneTime}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ firstName: "Sigrid", lastName: "Aas", nationalIdMasked: maskNationalId(pid) });
    expect(shown.body).not.toContain(pid);

    const stored = await t.database.db.select().from(idportenIdentities);
    expect(JSON.stringify(stored)).not.toContain(pid);
    expect(JSON.stringify(stored)).not.toContain(oneTime);
    expect(stored.find((r) => r.campaignId === bergenCampaignId)?.nationalIdHash).toBe(crypto.hash(pid));

    // The callback works once.
    const replay = await callback(path, cookie);
    expect(replay.headers.location).toBe(`/registrer/${bergenToken}?idporten-feil=idporten.state_invalid`);
  });

  it("is taken once, and only for the campaign it started from", async () => {
    const { path, cookie } = await throughIdporten(student);
    const oneTime = oneTimeOf((await callback(path, cookie)).headers.location as string);
    const now = new Date();
    const db = t.database.db;
    const other = await takeIdportenIdentity(db, crypto, { token: oneTime, campaignId: world.trusts.bergen.id, now });
    expect(other).toBeNull();

    const again = await throughIdporten(student);
    const token = oneTimeOf((await callback(again.path, again.cookie)).headers.location as string);
    const taken = await takeIdportenIdentity(db, crypto, { token, campaignId: bergenCampaignId, now });
    expect(taken).toEqual({ firstName: "Sigrid", lastName: "Aas", nationalId: pid });
    expect(await takeIdportenIdentity(db, crypto, { token, campaignId: bergenCampaignId, now })).toBeNull();
    expect((await t.call("GET", `/api/public/idporten/${token}`)).statusCode).toBe(404);
  });

  it("refuses a callback from another browser, a cancelled sign-in and a missing pid", async () => {
    const { path } = await throughIdporten(student);
    expect((await callback(path)).headers.location).toBe("/registrer?idporten-feil=idporten.state_invalid");

    const start = await t.call("GET", `/api/public/campaigns/${bergenToken}/idporten`);
    const state = new URL(start.headers.location as string).searchParams.get("state") as string;
    const cookie = `pt_idporten=${start.cookies.find((c) => c.name === "pt_idporten")?.value}`;
    const cancelled = await callback(`/api/public/idporten/callback?error=access_denied&state=${state}`, cookie);
    expect(cancelled.headers.location).toBe(`/registrer/${bergenToken}?idporten-feil=idporten.cancelled`);

    const noPid = await throughIdporten({ sub: "idporten-sub-0002", given_name: "Uten", family_name: "Pid" });
    const refused = await callback(noPid.path, noPid.cookie);
    expect(refused.headers.location).toBe(`/registrer/${bergenToken}?idporten-feil=idporten.failed`);
  });

  it("is unavailable at a trust without ID-porten, and an unknown link is 404", async () => {
    const res = await t.call("GET", `/api/public/campaigns/${fonnaToken}/idporten`);
    expect(res.headers.location).toBe(`/registrer/${fonnaToken}?idporten-feil=idporten.unavailable`);
    const unknown = await t.call("GET", `/api/public/campaigns/${randomBytes(32).toString("base64url")}/idporten`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("idporten.campaign_not_found");
    expect((await t.call("GET", `/api/public/idporten/${randomBytes(32).toString("base64url")}`)).statusCode).toBe(404);
  });
});

describe("registering with what ID-porten verified", () => {
  const register = (body: Record<string, unknown>) =>
    t.call("POST", `/api/public/campaigns/${bergenToken}/registrations`, { body: studentForm(body) });

  it("is offered on the form of a trust with ID-porten only", async () => {
    const bergen = await t.call("GET", `/api/public/campaigns/${bergenToken}`);
    expect(bergen.json().idportenStartUrl).toBe(`/api/public/campaigns/${bergenToken}/idporten`);
    const fonna = await t.call("GET", `/api/public/campaigns/${fonnaToken}`);
    expect(fonna.json().idportenStartUrl).toBeNull();
  });

  it("takes ID-porten's name and national ID, is verified, and needs no confirmation of another e-mail", async () => {
    const admin = await t.login(world.users.admin.email);
    const rowRes = await t.call("POST", `/api/sheets/${world.overviews.uib.sheet.id}/rows`, {
      cookie: admin,
      body: { lastName: "Aas", firstName: "Sigrid", nationalId: pid, email: "sigrid.aas@uib.test" },
    });
    expect(rowRes.statusCode, rowRes.body).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(placementRows)
      .where(eq(placementRows.id, rowRes.json().rows[0].id));

    const { path, cookie } = await throughIdporten(student);
    const oneTime = oneTimeOf((await callback(path, cookie)).headers.location as string);
    const email = "sigrid@privat.test";
    const typedId = testNationalId({ day: 1, month: 1, year: 2001, kind: "tnr" });
    const res = await register({
      firstName: "Feil",
      lastName: "Navn",
      nationalId: typedId,
      email,
      idportenToken: oneTime,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ ok: true, email });

    const [stored] = await t.database.db.select().from(registrations).where(eq(registrations.email, email));
    expect(stored).toMatchObject({ firstName: "Sigrid", lastName: "Aas", source: "idporten" });
    expect(stored?.verifiedAt).not.toBeNull();
    expect(stored?.nationalIdHash).toBe(crypto.hash(pid));
    const id = stored?.id as string;
    expect(crypto.decrypt(stored?.nationalIdEnc as string, registrationNationalIdPlace(id))).toBe(pid);

    const [mail] = await mailTo(t, email, "registration-confirm");
    expect(`${mail?.subject}${mail?.textBody}${mail?.htmlBody}`).not.toContain(pid);
    const confirm = await t.call("POST", `/api/public/confirmations/${linksIn(mail?.textBody ?? "").confirm}`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    const [matched] = await t.database.db.select().from(registrations).where(eq(registrations.id, id));
    expect(matched).toMatchObject({ personId: row?.personId, matchedBy: "national_id" });
    const [person] = await t.database.db
      .select()
      .from(persons)
      .where(eq(persons.id, row?.personId as string));
    expect(person?.registeredAt).not.toBeNull();
  });

  it("refuses a used, unknown or other campaign's sign-in, keeping nothing", async () => {
    const { path, cookie } = await throughIdporten(student);
    const oneTime = oneTimeOf((await callback(path, cookie)).headers.location as string);
    expect((await register({ email: "first@privat.test", idportenToken: oneTime })).statusCode).toBe(202);
    const refused = { path: "idportenToken", message: "idporten.identity_not_found" };
    const used = await register({ email: "second@privat.test", idportenToken: oneTime });
    expect(used.statusCode).toBe(400);
    expect(used.json().details.issues).toEqual([refused]);
    const unknown = await register({
      email: "third@privat.test",
      idportenToken: randomBytes(32).toString("base64url"),
    });
    expect(unknown.json().details.issues).toEqual([refused]);

    const fromFonna = await throughIdporten(student);
    const fonnaOneTime = oneTimeOf((await callback(fromFonna.path, fromFonna.cookie)).headers.location as string);
    const elsewhere = await t.call("POST", `/api/public/campaigns/${fonnaToken}/registrations`, {
      body: studentForm({ email: "fourth@privat.test", idportenToken: fonnaOneTime }),
    });
    expect(elsewhere.json().details.issues).toEqual([refused]);
    for (const email of ["second@privat.test", "third@privat.test", "fourth@privat.test"]) {
      expect(await t.database.db.select().from(registrations).where(eq(registrations.email, email))).toEqual([]);
    }
  });
});
