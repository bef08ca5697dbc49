import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { fillDemoData } from "../../src/server/demo/demo-data.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The demo's extension (SPEC §3.2 step 6): FOU extended one implemented student, so the IT
 * provider's start page counts an extension waiting, as many as its extension list shows.
 */
const password = "demo-passord";
const key = randomBytes(32).toString("base64");
let t: TestApp;

beforeAll(async () => {
  const clock = createTestClock();
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

describe("the demo's extension", () => {
  it("waits on the IT provider's extension list, counted on its start page as the list shows", async () => {
    const cookie = await t.login("ikt@demo.test", password);
    const dashboard = await t.call("GET", "/api/dashboard", { cookie });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const item = (dashboard.json().items as { key: string; count: number; link: string }[]).find(
      (i) => i.key === "extensionsWaiting",
    );
    expect(item?.link).toBe("/forlengelser");
    const list = await t.call("GET", "/api/extensions", { cookie });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    expect(item?.count).toBe(list.json().total);
    const fou = await t.login("fou@demo.test", password);
    expect((await t.call("GET", "/api/extensions", { cookie: fou })).json().total).toBe(list.json().total);
  });
});
