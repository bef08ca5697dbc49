import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import {
  identityProviders,
  oidcLogins,
  userIdentities,
} from "../../src/server/modules/identity-providers/identity-providers.table.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { startTestProvider, type TestAccount, type TestProvider } from "../helpers/oidc-test-provider.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * Sign-in through an organisation's identity provider, end to end against a real oidc-provider on
 * 127.0.0.1: the app is called with app.inject, the test plays the browser in between.
 */
const redirectUri = "http://praksistilgang.test/api/auth/oidc/callback";
const clientSecret = "klienthemmelighet-som-aldri-vises";
let t: TestApp;
let world: World;
let idp: TestProvider;
let adminCookie: string;
let providerId: string;

beforeAll(async () => {
  idp = await startTestProvider({ clientId: "praksistilgang", clientSecret, redirectUri });
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  adminCookie = await t.login(world.users.admin.email);
  const res = await t.call("POST", "/api/identity-providers", {
    cookie: adminCookie,
    body: {
      kind: "entra_id",
      displayName: "Helse Bergen (Entra ID)",
      issuer: idp.issuer,
      clientId: "praksistilgang",
      clientSecret,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  providerId = res.json().id;
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const kari: TestAccount = {
  sub: "entra-kari-0001",
  email: "Koord.UIB@bergen.test",
  email_verified: true,
  name: "Kari",
};

/** Starts at the app, goes through the provider as `account`; answers the callback path and the state cookie. */
async function throughProvider(account: TestAccount, start = `/api/auth/oidc/${providerId}/start`) {
  const res = await t.call("GET", start);
  expect(res.statusCode, res.body).toBe(302);
  const location = res.headers.location as string;
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  const stateCookie = res.cookies.find((c) => c.name === "pt_oidc_state");
  expect(stateCookie?.httpOnly).toBe(true);
  const callback = await idp.signIn(location, account);
  return { path: `${callback.pathname}${callback.search}`, callback, cookie: `pt_oidc_state=${stateCookie?.value}` };
}

function callback(path: string, cookie?: string) {
  return t.call("GET", path, { headers: cookie ? { cookie } : {} });
}

const sessionOf = (res: Awaited<ReturnType<typeof callback>>) => res.cookies.find((c) => c.name === "pt_session");

function expectRefused(res: Awaited<ReturnType<typeof callback>>, code: string) {
  expect(res.statusCode, res.body).toBe(302);
  expect(res.headers.location).toBe(`/logg-inn?feil=${code}`);
  expect(sessionOf(res)?.value ?? "").toBe("");
}

const identitiesOf = (userId: string) =>
  t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));

describe("the sign-in page's providers", () => {
  it("lists enabled providers of every trust with the trust's name, and nothing secret", async () => {
    const res = await t.call("GET", "/api/auth/providers");
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toEqual(
      expect.arrayContaining([
        { id: providerId, trustName: "Helse Bergen", kind: "entra_id", displayName: "Helse Bergen (Entra ID)" },
        {
          id: world.identityProviders.fonna.id,
          trustName: "Helse Fonna",
          kind: "feide",
          displayName: "Feide (Helse Fonna)",
        },
      ]),
    );
    expect(res.body).not.toContain(clientSecret);
    expect(res.body).not.toContain("issuer");
  });
});

describe("OIDC sign-in", () => {
  it("sends the browser to the provider with PKCE S256, state and nonce", async () => {
    const res = await t.call("GET", `/api/auth/oidc/${providerId}/start`);
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(url.searchParams.get("nonce")).toBeTruthy();
    const state = url.searchParams.get("state") as string;
    expect(state).toBeTruthy();
    // Kept server-side, the state only as a hash.
    const rows = await t.database.db.select().from(oidcLogins);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(state);
  });

  it("signs a pre-registered person in, links the identity and opens a session at the provider's trust", async () => {
    const user = world.users.coordinatorUib;
    const { path, cookie } = await throughProvider(kari);
    const res = await callback(path, cookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe("/");
    const session = sessionOf(res);
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    const me = await t.call("GET", "/api/auth/me", { cookie: `pt_session=${session?.value}` });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
    expect(me.json().activeTrust.name).toBe("Helse Bergen");
    expect(me.json().roles).toEqual(["coordinator"]);

    const identities = await identitiesOf(user.id);
    expect(identities).toEqual([expect.objectContaining({ providerId, subject: kari.sub })]);
    const linked = await auditRows(t, identities[0]?.id as string);
    expect(linked).toEqual([
      expect.objectContaining({
        action: "link",
        entity: "user_identity",
        actorId: user.id,
        trustId: world.trusts.bergen.id,
        fields: ["provider_id", "subject"],
      }),
    ]);
    const signIns = (await auditRows(t, user.id)).filter((r) => r.action === "sign_in");
    expect(signIns).toEqual([expect.objectContaining({ actorId: user.id, trustId: world.trusts.bergen.id })]);
    expect(signIns[0]?.requestId).toBe(linked[0]?.requestId);
  });

  it("signs in by the linked subject afterwards, even when the provider's e-mail changed", async () => {
    const user = world.users.coordinatorUib;
    const { path, cookie } = await throughProvider({ ...kari, email: "kari.nordvik@uib.no" });
    const res = await callback(path, cookie);
    expect(res.headers.location).toBe("/");
    const me = await t.call("GET", "/api/auth/me", { cookie: `pt_session=${sessionOf(res)?.value}` });
    expect(me.json().user.id).toBe(user.id);
    expect(await identitiesOf(user.id)).toHaveLength(1);
    const rows = await auditRows(t, user.id);
    expect(rows.filter((r) => r.action === "sign_in")).toHaveLength(2);
    const [links] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "user_identity"), eq(auditEvents.actorId, user.id)));
    expect(links?.n).toBe(1);
  });

  it("lands on the path given at the start, and never on another site", async () => {
    const { path, cookie } = await throughProvider(kari, `/api/auth/oidc/${providerId}/start?returnTo=/oversikt`);
    const res = await callback(path, cookie);
    expect(res.headers.location).toBe("/oversikt");
    for (const returnTo of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const bad = await t.call("GET", `/api/auth/oidc/${providerId}/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(bad.statusCode, returnTo).toBe(400);
    }
  });

  it("refuses a wrong state and opens no session", async () => {
    const { callback: url, cookie } = await throughProvider(kari);
    url.searchParams.set("state", "forfalsket-tilstand");
    const res = await callback(`${url.pathname}${url.search}`, cookie.replace(/=.*/, "=forfalsket-tilstand"));
    expectRefused(res, "oidc.state_invalid");
  });

  it("refuses a callback that comes to another browser than the one that started (no state cookie)", async () => {
    const { path } = await throughProvider(kari);
    expectRefused(await callback(path), "oidc.state_invalid");
  });

  it("refuses a replayed callback: the same code and state work once", async () => {
    const { path, cookie } = await throughProvider(kari);
    const first = await callback(path, cookie);
    expect(first.headers.location).toBe("/");
    expect(sessionOf(first)?.value).toBeTruthy();
    expectRefused(await callback(path, cookie), "oidc.state_invalid");
  });

  it("tells an unknown person to ask for access and creates nobody", async () => {
    const [before] = await t.database.db.select({ n: count() }).from(users);
    const { path, cookie } = await throughProvider({ sub: "entra-ukjent-0002", email: "ukjent@bergen.test" });
    expectRefused(await callback(path, cookie), "oidc.unknown_user");
    const [after] = await t.database.db.select({ n: count() }).from(users);
    expect(after?.n).toBe(before?.n);
    const [identities] = await t.database.db
      .select({ n: count() })
      .from(userIdentities)
      .where(eq(userIdentities.subject, "entra-ukjent-0002"));
    expect(identities?.n).toBe(0);
  });

  it("refuses a person without a role at the provider's trust", async () => {
    const { path, cookie } = await throughProvider({ sub: "entra-per-0003", email: world.users.fonnaAdmin.email });
    expectRefused(await callback(path, cookie), "oidc.unknown_user");
    expect(await identitiesOf(world.users.fonnaAdmin.id)).toEqual([]);
  });

  it("refuses a deactivated person, linked or not", async () => {
    const hanne = world.users.ehealth;
    const account = { sub: "entra-hanne-0004", email: hanne.email };
    const first = await throughProvider(account);
    expect((await callback(first.path, first.cookie)).headers.location).toBe("/");
    const off = await t.call("PATCH", `/api/users/${hanne.id}`, { cookie: adminCookie, body: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    const again = await throughProvider(account);
    expectRefused(await callback(again.path, again.cookie), "oidc.user_deactivated");

    const thomas = world.users.itProvider;
    await t.call("PATCH", `/api/users/${thomas.id}`, { cookie: adminCookie, body: { active: false } });
    const never = await throughProvider({ sub: "entra-thomas-0005", email: thomas.email });
    expectRefused(await callback(never.path, never.cookie), "oidc.user_deactivated");
    expect(await identitiesOf(thomas.id)).toEqual([]);
  });

  it("answers the person cancelling at the provider", async () => {
    const start = await t.call("GET", `/api/auth/oidc/${providerId}/start`);
    const state = new URL(start.headers.location as string).searchParams.get("state") as string;
    const res = await callback(
      `/api/auth/oidc/callback?error=access_denied&state=${encodeURIComponent(state)}`,
      `pt_oidc_state=${state}`,
    );
    expectRefused(res, "oidc.cancelled");
  });

  it("sends an unknown or switched-off provider back to the sign-in page", async () => {
    const unknown = await t.call("GET", "/api/auth/oidc/00000000-0000-4000-8000-000000000000/start");
    expectRefused(unknown, "oidc.provider_unavailable");
  });
});

describe("identity providers, administered by the trust's admin", () => {
  it("never returns the client secret and keeps it encrypted", async () => {
    const res = await t.call("GET", "/api/identity-providers", { cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(2);
    expect(res.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: world.identityProviders.bergen.id }),
        expect.objectContaining({
          id: providerId,
          issuer: idp.issuer,
          clientId: "praksistilgang",
          enabled: true,
          redirectUri,
        }),
      ]),
    );
    expect(res.body).not.toContain(clientSecret);
    expect(res.body).not.toContain("clientSecret");
    const [row] = await t.database.db.select().from(identityProviders).where(eq(identityProviders.id, providerId));
    expect(row?.clientSecretEncrypted).not.toContain(clientSecret);
  });

  it("changes, switches off and removes a provider, with audit rows naming the fields", async () => {
    const patched = await t.call("PATCH", `/api/identity-providers/${providerId}`, {
      cookie: adminCookie,
      body: { clientSecret: "nytt-hemmelig", displayName: "Entra ID" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.body).not.toContain("nytt-hemmelig");
    // The new secret is used at once: the provider refuses it, so the sign-in fails cleanly.
    const wrongSecret = await throughProvider(kari);
    expectRefused(await callback(wrongSecret.path, wrongSecret.cookie), "oidc.failed");
    await t.call("PATCH", `/api/identity-providers/${providerId}`, { cookie: adminCookie, body: { clientSecret } });

    const off = await t.call("PATCH", `/api/identity-providers/${providerId}`, {
      cookie: adminCookie,
      body: { enabled: false },
    });
    expect(off.json().enabled).toBe(false);
    const listed = await t.call("GET", "/api/auth/providers");
    expect(listed.json().map((p: { id: string }) => p.id)).not.toContain(providerId);
    expectRefused(await t.call("GET", `/api/auth/oidc/${providerId}/start`), "oidc.provider_unavailable");

    const removed = await t.call("DELETE", `/api/identity-providers/${providerId}`, { cookie: adminCookie });
    expect(removed.statusCode).toBe(200);
    expect(await identitiesOf(world.users.coordinatorUib.id)).toEqual([]);
    expect((await auditRows(t, providerId)).map((r) => [r.action, r.fields])).toEqual([
      ["create", ["kind", "display_name", "issuer", "client_id", "client_secret", "enabled"]],
      ["update", ["display_name", "client_secret"]],
      ["update", ["client_secret"]],
      ["update", ["enabled"]],
      ["delete", []],
    ]);
  });

  it("answers 404 for another trust's provider and refuses an insecure issuer", async () => {
    const foreign = world.identityProviders.fonna.id;
    const res = await t.call("PATCH", `/api/identity-providers/${foreign}`, {
      cookie: adminCookie,
      body: { enabled: false },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("identity_providers.not_found");
    const insecure = await t.call("POST", "/api/identity-providers", {
      cookie: adminCookie,
      body: {
        kind: "feide",
        displayName: "Feide",
        issuer: "http://auth.dataporten.no",
        clientId: "x",
        clientSecret: "y",
      },
    });
    expect(insecure.statusCode).toBe(400);
  });
});
