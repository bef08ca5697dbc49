import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdminCommand } from "../../src/server/cli/admin-commands.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("npm run admin", () => {
  it("creates a trust whose first admin signs in and finds the admin pages", async () => {
    const line = await runAdminCommand(t.database.db, "create-trust", {
      name: "Helse Stavanger",
      "admin-email": "Tone.Rygg@sus.test",
      "admin-name": "Tone Rygg",
      "admin-password": "et-sikkert-passord",
    });
    expect(line).toMatch(/Created trust "Helse Stavanger"/);
    const cookie = await t.login("tone.rygg@sus.test", "et-sikkert-passord");
    const me = (await t.call("GET", "/api/auth/me", { cookie })).json();
    expect(me.activeTrust.name).toBe("Helse Stavanger");
    expect(me.roles).toEqual(["admin"]);
    expect((await t.call("GET", "/api/users", { cookie })).statusCode).toBe(200);
  });

  it("creates institutions, sets the system administrator flag and passwords", async () => {
    expect(
      await runAdminCommand(t.database.db, "create-institution", {
        name: "Universitetet i Stavanger",
        "short-name": "UiS",
      }),
    ).toMatch(/UiS – Universitetet i Stavanger/);
    await runAdminCommand(t.database.db, "system-admin", { email: "tone.rygg@sus.test" });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, "tone.rygg@sus.test"));
    expect(user?.isSystemAdmin).toBe(true);
    const before = await t.login("tone.rygg@sus.test", "et-sikkert-passord");
    expect((await t.call("GET", "/api/auth/me", { cookie: before })).statusCode).toBe(200);
    await runAdminCommand(t.database.db, "set-password", {
      email: "tone.rygg@sus.test",
      password: "et-nytt-passord-42",
    });
    // The new password ends the sessions opened with the old one.
    expect((await t.call("GET", "/api/auth/me", { cookie: before })).statusCode).toBe(401);
    await expect(t.login("tone.rygg@sus.test", "et-sikkert-passord")).rejects.toThrow(/401/);
    await t.login("tone.rygg@sus.test", "et-nytt-passord-42");
  });

  it("explains bad options and unknown people", async () => {
    await expect(
      runAdminCommand(t.database.db, "set-password", { email: "tone.rygg@sus.test", password: "kort" }),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(runAdminCommand(t.database.db, "system-admin", { email: "ingen@sus.test" })).rejects.toThrow(
      /No person/,
    );
    await expect(
      runAdminCommand(t.database.db, "create-trust", {
        name: "Helse Stavanger",
        "admin-email": "a@b.no",
        "admin-name": "A",
      }),
    ).rejects.toThrow(/already exists/);
  });
});
