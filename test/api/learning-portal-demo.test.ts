import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningPortalItem } from "../../src/contracts/learning-portal.ts";
import { todayInOslo } from "../../src/domain/dates.ts";
import { loadConfig } from "../../src/server/config.ts";
import { fillDemoData } from "../../src/server/demo/demo-data.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The demo's Læringsportalen users: a `.test` address, international students of a coming sheet
 * waiting for a user, FOU's start-page number as long as the list it opens, and a batch sent.
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

describe("the demo's Læringsportalen users", () => {
  it("has a .test address and students of a coming international sheet waiting, counted on FOU's start page", async () => {
    const cookie = await t.login("fou@demo.test", password);
    const res = await t.call("GET", "/api/learning-portal?state=needed&limit=200", { cookie });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { items: LearningPortalItem[]; total: number; address: string | null };
    expect(list.address).toMatch(/@[a-z.-]+\.test$/);
    const today = todayInOslo(clock.now());
    expect(list.items.filter((i) => i.startDate > today).length).toBeGreaterThan(0);
    const dashboard = await t.call("GET", "/api/dashboard", { cookie });
    const item = (dashboard.json().items as { key: string; count: number; link: string }[]).find(
      (i) => i.key === "learningPortalWaiting",
    );
    expect(item).toEqual({ key: "learningPortalWaiting", count: list.total, link: "/laeringsportalen?status=needed" });
  });

  it("has a batch FOU sent, with one user marked created", async () => {
    const cookie = await t.login("fou@demo.test", password);
    for (const state of ["requested", "created"]) {
      const res = await t.call("GET", `/api/learning-portal?state=${state}`, { cookie });
      const items = res.json().items as LearningPortalItem[];
      expect(items.length, state).toBeGreaterThan(0);
      expect(items[0]?.batch?.number, state).toBe(1);
    }
  });
});
