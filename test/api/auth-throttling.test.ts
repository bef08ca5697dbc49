import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loginFailures } from "../../src/server/modules/auth/auth.table.ts";
import { seedBuilders, testPassword } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

const limit = 5;
const addressLimit = 5 * limit;
const clock = createTestClock();
let t: TestApp;
let account: () => Promise<string>;
let addresses = 0;
/** An address no test has used yet. */
const freshAddress = () => `198.51.100.${++addresses}`;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { LOGIN_RATE_LIMIT: String(limit), TRUST_PROXY: "1" } });
  const b = seedBuilders(t.database.db);
  account = async () => (await b.user()).email;
});
afterAll(() => t.close());

/** A sign-in from `address` (the app trusts X-Forwarded-For here, as behind a load balancer). */
const signIn = (email: string, password: string, address: string) =>
  t.call("POST", "/api/auth/login", { body: { email, password }, headers: { "x-forwarded-for": address } });

/** How many responses had each status. */
function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

/** `n` wrong passwords one after another, each checked (401). */
async function fail(email: string, address: string, n: number) {
  for (let i = 0; i < n; i++) expect((await signIn(email, `gjetting-${i}`, address)).statusCode).toBe(401);
}

/** The attempt is refused without its password being checked, to be tried again after `seconds`. */
function expectWait(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, seconds: number) {
  expect(res.statusCode).toBe(429);
  expect(res.headers["retry-after"]).toBe(String(seconds));
  expect(res.json()).toEqual(
    expect.objectContaining({ code: "auth.rate_limited", details: { retryAfterSeconds: seconds } }),
  );
}

describe("failed sign-ins in the database", () => {
  it("hold a keyed hash of what was typed in the e-mail field, never the text", async () => {
    const typed = "hemmelig.person@ukjent.test";
    await fail(typed, freshAddress(), 1);
    const rows = await t.database.db.select().from(loginFailures);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("hemmelig");
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["at", "emailHash", "id", "ip"]);
  });

  it("are pruned once they are older than the window", async () => {
    await fail(await account(), freshAddress(), 1);
    clock.advance(15 * 60_000 + 1);
    await fail(await account(), freshAddress(), 1);
    const rows = await t.database.db.select().from(loginFailures);
    expect(rows.map((r) => r.at.getTime())).toEqual([clock.now().getTime()]);
  });
});

describe("sign-in throttling under parallel requests", () => {
  it("checks at most the limit of 40 parallel wrong passwords for one account", async () => {
    const email = await account();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(email, `gjetting-${i}`, "192.0.2.1")),
    );
    expect(statuses(responses)).toEqual({ 401: limit, 429: 40 - limit });
    for (const res of responses.filter((r) => r.statusCode === 429)) expectWait(res, 1);
  });

  it("checks at most the address's limit of 40 parallel wrong passwords for different accounts", async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(`gjest${i}@spray.test`, "Sommer2026!", "192.0.2.2")),
    );
    expect(statuses(responses)).toEqual({ 401: addressLimit, 429: 40 - addressLimit });
  });
});

describe("sign-in throttling slows guessing and locks nobody out", () => {
  it("makes each further failure wait longer, 1, 2, 4 … 60 seconds, and a refused attempt counts for nothing", async () => {
    const email = await account();
    const address = freshAddress();
    await fail(email, address, limit);
    for (const seconds of [1, 2, 4, 8, 16, 32, 60, 60]) {
      expectWait(await signIn(email, "gjetting", address), seconds);
      clock.advance(seconds * 1000 - 1000);
      expectWait(await signIn(email, "gjetting", address), 1);
      clock.advance(1000);
      await fail(email, address, 1);
    }
    clock.advance(20_000);
    expectWait(await signIn(email, testPassword, address), 40);
    clock.advance(40_000);
    expect((await signIn(email, testPassword, address)).statusCode).toBe(200);
  });

  it("lets the owner in at once from an address that has not failed, while the guessing address waits", async () => {
    const email = await account();
    const attacker = freshAddress();
    await fail(email, attacker, limit);
    expectWait(await signIn(email, testPassword, attacker), 1);
    expect((await signIn(email, testPassword, freshAddress())).statusCode).toBe(200);
    expectWait(await signIn(email, "gjetting", attacker), 1);
  });

  it("checks each new address's first password for the account, then holds that address to the account's steps", async () => {
    const email = await account();
    const first = freshAddress();
    await fail(email, first, limit);
    expectWait(await signIn(email, "gjetting", first), 1);
    // Addresses that have not failed for the account are not held by its failures elsewhere…
    await fail(email, freshAddress(), 1);
    const third = freshAddress();
    await fail(email, third, 1);
    // …but once they have, they wait with it: 2^(7 − 5) s after the account's latest failure.
    expectWait(await signIn(email, "gjetting", first), 4);
    expectWait(await signIn(email, "gjetting", third), 4);
    expect((await signIn(email, testPassword, freshAddress())).statusCode).toBe(200);
  });

  it("lets the owner in after one step, not 15 minutes, from the address that failed, and then forgets its failures", async () => {
    const email = await account();
    const address = freshAddress();
    await fail(email, address, limit);
    expectWait(await signIn(email, testPassword, address), 1);
    clock.advance(1000);
    expect((await signIn(email, testPassword, address)).statusCode).toBe(200);
    await fail(email, address, limit);
    expectWait(await signIn(email, "gjetting", address), 1);
  });

  it("slows an address that fails across accounts, for every account, without holding back other addresses", async () => {
    const address = freshAddress();
    for (let i = 0; i < addressLimit; i++) {
      expect((await signIn(`gjest${i}@spraying.test`, "Sommer2026!", address)).statusCode).toBe(401);
    }
    const owner = await account();
    expectWait(await signIn(owner, testPassword, address), 1);
    expect((await signIn(owner, testPassword, freshAddress())).statusCode).toBe(200);
    clock.advance(1000);
    expect((await signIn(owner, testPassword, address)).statusCode).toBe(200);
    expect((await signIn("gjest-ny@spraying.test", "Sommer2026!", address)).statusCode).toBe(401);
    expectWait(await signIn("gjest-ny2@spraying.test", "Sommer2026!", address), 2);
  });

  it("starts over once the failures are 15 minutes old", async () => {
    const email = await account();
    const address = freshAddress();
    await fail(email, address, limit);
    clock.advance(1000);
    await fail(email, address, 1);
    clock.advance(2000);
    await fail(email, address, 1);
    expectWait(await signIn(email, "gjetting", address), 4);
    clock.advance(15 * 60_000);
    await fail(email, address, limit);
    expectWait(await signIn(email, "gjetting", address), 1);
  });
});

describe("behind a proxy that is not trusted", () => {
  it("warns once, at the first request carrying X-Forwarded-For", async () => {
    const untrusting = await createTestApp({ env: { TRUST_PROXY: "0" } });
    try {
      const warn = vi.spyOn(untrusting.app.log, "warn");
      await untrusting.call("GET", "/api/health");
      expect(warn).not.toHaveBeenCalled();
      for (const address of ["203.0.113.7", "203.0.113.8"]) {
        await untrusting.call("POST", "/api/auth/login", {
          body: { email: "noen@proxy.test", password: "feil" },
          headers: { "x-forwarded-for": address },
        });
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain("TRUST_PROXY=0");
    } finally {
      await untrusting.close();
    }
  });

  it("does not warn when the proxy is trusted", async () => {
    const warn = vi.spyOn(t.app.log, "warn");
    await signIn("noen@proxy.test", "feil", freshAddress());
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
