import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studentForm, tokenOf } from "../helpers/registration.ts";
import { seedWorld } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * REGISTRATION_RATE_LIMIT sets how many registrations one address may send through one link in a
 * minute. Forms the server refuses count too: the benchmark's check (bench/registrations.ts) sends
 * invalid ones to see that the limit was raised without storing anything.
 */
const clock = createTestClock(new Date("2026-08-10T08:00:00Z"));
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { REGISTRATION_RATE_LIMIT: "3" } });
  const world = await seedWorld(t.database.db);
  const res = await t.call("POST", "/api/campaigns", {
    cookie: await t.login(world.users.studentAdmin.email),
    body: { institutionId: world.institutions.uib.id, deadline: "2026-08-20" },
  });
  token = tokenOf(res.json().publicUrl);
});
afterAll(() => t.close());

describe("REGISTRATION_RATE_LIMIT", () => {
  const register = (remoteAddress: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/public/campaigns/${token}/registrations`,
      remoteAddress,
      payload: studentForm({ nationalId: "12345678901" }),
    });

  it("answers 429 with Retry-After after that many registrations from one address, refused forms included", async () => {
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await register("10.0.1.1")).statusCode);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const refused = await register("10.0.1.1");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await register("10.0.1.2")).statusCode).toBe(400);
  });
});
