import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { Clock } from "../../src/server/shared/clock.ts";
import type { Database } from "../../src/server/shared/database.ts";
import { testPassword } from "./seed.ts";
import { createTestDb } from "./test-db.ts";

/** A clock a test moves by hand. */
export function createTestClock(start = new Date("2026-11-28T09:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  } satisfies Clock & { advance(ms: number): void };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in and returns the cookie header to send as that person. */
  login(email: string, password?: string): Promise<string>;
  /** app.inject with an optional session cookie and JSON body. */
  call(
    method: InjectOptions["method"],
    url: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The whole app on a fresh migrated database, as main.ts builds it, without listening. */
export async function createTestApp(
  overrides: { clock?: Clock; env?: Record<string, string>; logStream?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await createTestDb();
  const config = loadConfig({
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "silent",
    PUBLIC_URL: "http://praksistilgang.test",
    ...overrides.env,
  });
  const app = await buildApp({ config, database, clock: overrides.clock, logStream: overrides.logStream });
  const call: TestApp["call"] = (method, url, options = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      ...(options.body !== undefined ? { payload: options.body as InjectOptions["payload"] } : {}),
    });
  return {
    app,
    database,
    call,
    async login(email, password = testPassword) {
      const res = await call("POST", "/api/auth/login", { body: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "pt_session");
      return `pt_session=${cookie?.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
