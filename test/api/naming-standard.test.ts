import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
  coordinator = await t.login(world.users.coordinatorUib.email);
});
afterAll(() => t.close());

describe("the trust's naming standard", () => {
  it("ships the procedure's defaults and shows them to everyone at the trust", async () => {
    const me = (await t.call("GET", "/api/auth/me", { cookie: coordinator })).json();
    expect(me.activeTrust.namingStandard).toEqual({
      document: "{institution} {programme} kull {cohort}",
      sheet: "{label} {n}",
      internationalSheet: "Internasjonale – {label} {n}",
      file: "Praksisoversikt {institution} {programme} kull {cohort}.xlsx",
    });
    expect(me.activeTrust.deadlineDays).toBe(28);
  });

  it("refuses patterns that would give two documents or sheets the same name", async () => {
    const res = await t.call("PATCH", "/api/trust/settings", {
      cookie: admin,
      body: { namingDocument: "{institution} {programme}" },
    });
    expect(res.statusCode).toBe(400);
    const sheet = await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { namingSheet: "Periode" } });
    expect(sheet.statusCode).toBe(400);
    const file = await t.call("PATCH", "/api/trust/settings", {
      cookie: admin,
      body: { namingFile: "{programme} {cohort}.csv" },
    });
    expect(file.statusCode).toBe(400);
  });

  it("names new documents, sheets and files by the trust's own patterns", async () => {
    const saved = await t.call("PATCH", "/api/trust/settings", {
      cookie: admin,
      body: {
        namingDocument: "{cohort}-kullet {institution} {programme}",
        namingSheet: "{label} {n} (praksis)",
        namingFile: "{institution} {programme} {cohort}.xlsx",
      },
    });
    expect(saved.statusCode).toBe(200);
    const created = await t.call("POST", "/api/overviews", {
      cookie: coordinator,
      body: { programmeId: world.catalog.uibMedicine.id, cohort: 2025 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "2025-kullet UiB Medisin", fileName: "UiB Medisin 2025.xlsx" });
    const sheet = await t.call("POST", `/api/overviews/${created.json().id}/sheets`, {
      cookie: coordinator,
      body: { kind: "norwegian", label: "Semester", number: 3, startDate: "2027-08-16", endDate: "2027-10-08" },
    });
    expect(sheet.statusCode).toBe(201);
    expect(sheet.json().name).toBe("Semester 3 (praksis)");
    const exported = await t.call("GET", `/api/overviews/${created.json().id}/export`, { cookie: coordinator });
    expect(exported.headers["content-disposition"]).toContain("UiB%20Medisin%202025.xlsx");
  });
});
