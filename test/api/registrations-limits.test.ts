import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studentForm, tokenOf } from "../helpers/registration.ts";
import { seedWorld } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/** The public registration routes' limits per address (docs/architecture.md, Registration). */
const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const world = await seedWorld(t.database.db);
  const res = await t.call("POST", "/api/campaigns", {
    cookie: await t.login(world.users.studentAdmin.email),
    body: { institutionId: world.institutions.uib.id, deadline: "2026-08-20" },
  });
  token = tokenOf(res.json().publicUrl);
});
afterAll(() => t.close());

describe("abuse limits", () => {
  const from = (remoteAddress: string, method: "GET" | "POST", url: string, payload?: unknown) =>
    t.app.inject({ method, url, remoteAddress, ...(payload === undefined ? {} : { payload: payload as object }) });
  const noNationalId = (n: number) =>
    studentForm({
      email: `klasse${n}@student.uib.no`,
      birthDate: "2004-05-06",
      nationality: "SE",
      homeInstitution: "Lunds universitet",
    });

  it("lets a whole class register from one address, then answers 429 with Retry-After", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 101; n++) {
      const res = await from("10.0.0.1", "POST", `/api/public/campaigns/${token}/registrations`, noNationalId(n));
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await from("10.0.0.2", "POST", `/api/public/campaigns/${token}/registrations`, noNationalId(999));
    expect(other.statusCode).toBe(202);
  });

  it("limits an address that tries links nobody issued, strictly and on every public registration route", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 30; n++) {
      const res = await from("10.0.0.3", "GET", `/api/public/campaigns/${String(n).padStart(43, "x")}`);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
        expect(res.json().code).toBe("registration.rate_limited");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(20);
    expect((await from("10.0.0.3", "GET", `/api/public/campaigns/${token}`)).statusCode).toBe(429);
    expect((await from("10.0.0.4", "GET", `/api/public/campaigns/${token}`)).statusCode).toBe(200);
  });

  it("refuses a body larger than a form needs", async () => {
    const res = await from("10.0.0.5", "POST", `/api/public/campaigns/${token}/registrations`, {
      ...noNationalId(1000),
      homeInstitution: "x".repeat(20_000),
    });
    expect(res.statusCode).toBe(413);
  });
});
