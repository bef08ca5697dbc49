import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { demoUsers, fillDemoData } from "../../src/server/demo/demo-data.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The start page's readiness numbers on the demo's semester: each one counts what the readiness
 * list it links to shows, for FOU and for each coordinator (their own students).
 */
const password = "demo-passord";
const key = randomBytes(32).toString("base64");
const clock = createTestClock();
let t: TestApp;

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
});
afterAll(() => t.close());

const itemsOf = async (cookie: string) => {
  const res = await t.call("GET", "/api/dashboard", { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { key: string; count: number; link: string }[];
};
/** The readiness list a start-page link opens: its `/klar` query in the API's words. */
const listOf = async (cookie: string, link: string) => {
  const url = new URL(link, "http://x");
  expect(url.pathname).toBe("/klar");
  const api = new URLSearchParams();
  const days = url.searchParams.get("ikkeKlar");
  const state = url.searchParams.get("bestilt");
  if (days) api.set("notReadyDays", days);
  if (state) api.set("orderState", state);
  const res = await t.call("GET", `/api/readiness?${api.toString()}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; counts: { notReady: number } };
};

describe("the demo's readiness numbers", () => {
  it("gives FOU students not ready 14 days before the start and rejected ones, as many as their lists show", async () => {
    const cookie = await t.login("fou@demo.test", password);
    const items = await itemsOf(cookie);
    for (const key of ["studentsNotReady", "accessRejected", "accessChanged"]) {
      const item = items.find((i) => i.key === key);
      expect(item, key).toBeDefined();
      expect((await listOf(cookie, item?.link as string)).total, key).toBe(item?.count);
    }
    expect(items.find((i) => i.key === "studentsNotReady")?.count).toBeGreaterThan(0);
  });

  it("has one student changed after the order (a week earlier end date), waiting for FOU to order it", async () => {
    const cookie = await t.login("fou@demo.test", password);
    const item = (await itemsOf(cookie)).find((i) => i.key === "accessChanged");
    expect(item).toMatchObject({ count: 1, link: "/klar?bestilt=changed" });
    const res = await t.call("GET", "/api/readiness?orderState=changed", { cookie });
    const [row] = res.json().items as { sheetId: string; rowId: string; orderState: string }[];
    expect(row?.orderState).toBe("changed");
    const check = await t.call("POST", "/api/orders?dryRun=true", {
      cookie,
      body: { sheetId: row?.sheetId, rowIds: [row?.rowId] },
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().rows[0]).toMatchObject({ outcome: "change", changes: [{ field: "endDate" }] });
  });

  it("gives each coordinator their own students not ready, as many as their list shows", async () => {
    for (const user of demoUsers.filter((u) => u.role === "coordinator")) {
      const cookie = await t.login(user.email, password);
      const item = (await itemsOf(cookie)).find((i) => i.key === "studentsNotReady");
      expect(item?.link, user.email).toBe("/klar?ikkeKlar=14");
      const list = await listOf(cookie, item?.link as string);
      expect(list.total, user.email).toBe(item?.count);
      expect(list.counts.notReady, user.email).toBe(item?.count);
    }
  });
});

describe("the demo's deactivation list", () => {
  it("holds ended placements and a withdrawn student, as many as the IT provider's start page counts", async () => {
    const ikt = await t.login("ikt@demo.test", password);
    const list = await t.call("GET", "/api/deactivations?limit=200", { cookie: ikt });
    expect(list.statusCode, list.body).toBe(200);
    const { items, total } = list.json() as { items: { reason: string }[]; total: number };
    expect(total).toBeGreaterThan(0);
    expect(items.some((i) => i.reason === "ended")).toBe(true);
    expect(items.some((i) => i.reason === "withdrawn")).toBe(true);
    const item = (await itemsOf(ikt)).find((i) => i.key === "linesToDeactivate");
    expect(item?.link).toBe("/deaktivering");
    expect(item?.count).toBe(total);
  });
});
