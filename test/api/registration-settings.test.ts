import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHrTransferColumns, defaultWebcruiterColumns } from "../../src/contracts/hr-transfer.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * The trust's registration settings (HR transfer columns, Webcruiter's headers, how long unmatched
 * registrations are kept) and the overviews' Registrert column, which comes from the person.
 */
let t: TestApp;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.database.db);
  for (const key of ["admin", "studentAdmin", "coordinatorUib"] as const) {
    cookies[key] = await t.login(world.users[key].email);
  }
});
afterAll(() => t.close());

const patch = (body: unknown) => t.call("PATCH", "/api/trust/settings", { cookie: cookies.admin, body });

describe("registration settings", () => {
  it("starts with the defaults", async () => {
    const res = await t.call("GET", "/api/trust/settings", { cookie: cookies.admin });
    expect(res.json()).toMatchObject({
      unmatchedRegistrationDays: 90,
      hrTransferColumns: [...defaultHrTransferColumns],
      webcruiterColumns: defaultWebcruiterColumns,
      studentInfoUrl: null,
    });
  });

  it("saves an ordered column list, a mapping and a number of days, and audits the field names", async () => {
    const webcruiterColumns = { firstName: "First name", lastName: "Last name", email: "Email", mobile: "Phone" };
    const res = await patch({
      hrTransferColumns: ["nationalId", "lastName", "firstName", "email"],
      webcruiterColumns,
      unmatchedRegistrationDays: 30,
      studentInfoUrl: "https://helse-bergen.test/student",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      hrTransferColumns: ["nationalId", "lastName", "firstName", "email"],
      webcruiterColumns,
      unmatchedRegistrationDays: 30,
      studentInfoUrl: "https://helse-bergen.test/student",
    });
    const rows = await auditRows(t, world.trusts.bergen.id);
    expect(rows.at(-1)).toMatchObject({ entity: "trust", action: "update" });
    expect(rows.at(-1)?.fields).toEqual(
      expect.arrayContaining([
        "hr_transfer_columns",
        "webcruiter_columns",
        "unmatched_registration_days",
        "student_info_url",
      ]),
    );

    const reset = await patch({ hrTransferColumns: null, webcruiterColumns: null });
    expect(reset.json()).toMatchObject({
      hrTransferColumns: [...defaultHrTransferColumns],
      webcruiterColumns: defaultWebcruiterColumns,
    });
  });

  it("refuses unknown or repeated columns, a mapping without a required header, and days out of range, by field", async () => {
    for (const [body, field] of [
      [{ hrTransferColumns: ["lastName", "salary"] }, "hrTransferColumns"],
      [{ hrTransferColumns: ["lastName", "lastName"] }, "hrTransferColumns"],
      [{ hrTransferColumns: [] }, "hrTransferColumns"],
      [{ webcruiterColumns: { firstName: "Fornavn", lastName: "Etternavn" } }, "webcruiterColumns"],
      [{ webcruiterColumns: { ...defaultWebcruiterColumns, salary: "Lønn" } }, "webcruiterColumns"],
      [{ unmatchedRegistrationDays: 0 }, "unmatchedRegistrationDays"],
      [{ unmatchedRegistrationDays: 5000 }, "unmatchedRegistrationDays"],
    ] as const) {
      const res = await patch(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe("validation.failed");
      expect(JSON.stringify(res.json().details.issues)).toContain(field);
    }
  });

  it("is FOU's to read but the admin's to change", async () => {
    const res = await t.call("PATCH", "/api/trust/settings", {
      cookie: cookies.coordinatorUib,
      body: { unmatchedRegistrationDays: 10 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("the Registrert column", () => {
  it("follows the person: not registered, registered and not transferred, transferred — in the grid and the export", async () => {
    const sheetId = world.overviews.uib.sheet.id;
    const added = await t.call("POST", `/api/sheets/${sheetId}/rows`, {
      cookie: cookies.coordinatorUib,
      body: { lastName: "Registrert", firstName: "Rita", email: "rita@student.uib.no" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const rowId = added.json().rows[0].id as string;
    const personId = added.json().rows[0].personId as string;
    const stateInGrid = async () => {
      const res = await t.call("GET", `/api/sheets/${sheetId}/rows`, { cookie: cookies.coordinatorUib });
      return res.json().rows.find((r: { id: string }) => r.id === rowId).registrationState;
    };
    const stateInExport = async () => {
      const res = await t.call("GET", `/api/overviews/${world.overviews.uib.overview.id}/export`, {
        cookie: cookies.studentAdmin,
      });
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const texts: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) => {
          if (row.values && JSON.stringify(row.values).includes("Rita")) {
            row.eachCell((cell) => {
              texts.push(String(cell.value));
            });
          }
        }),
      );
      return texts;
    };
    expect(await stateInGrid()).toBe("not_registered");
    expect(await stateInExport()).toContain("Ikke registrert");

    await t.database.db.update(persons).set({ registeredAt: new Date() }).where(eq(persons.id, personId));
    expect(await stateInGrid()).toBe("registered");
    expect(await stateInExport()).toContain("Registrert, ikke overført");

    await t.database.db.update(persons).set({ hrTransferredAt: new Date() }).where(eq(persons.id, personId));
    expect(await stateInGrid()).toBe("transferred");
    expect(await stateInExport()).toContain("Overført");
  });
});
