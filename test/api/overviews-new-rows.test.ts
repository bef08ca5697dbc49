import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview, Row, Sheet } from "../../src/contracts/overviews.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/** A new row starts with the document's study programme (issue 8: a row added by hand). */
let t: TestApp;
let world: World;
let coordinator: string;
let sheet: Sheet;

const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock(new Date("2026-11-28T09:00:00Z")) });
  world = await seedWorld(t.database.db);
  coordinator = await t.login(world.users.coordinatorHvl.email);
  const overview = json<Overview>(
    await t.call("POST", "/api/overviews", {
      cookie: coordinator,
      body: { programmeId: world.catalog.hvlNursing.id, cohort: 2025 },
    }),
  );
  const res = await t.call("POST", `/api/overviews/${overview.id}/sheets`, {
    cookie: coordinator,
    body: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-03-01", endDate: "2027-04-09" },
  });
  expect(res.statusCode, res.body).toBe(201);
  sheet = json<Sheet>(res);
});
afterAll(async () => {
  await t?.close();
});

describe("new rows", () => {
  it("an empty row added by hand starts with the document's study programme", async () => {
    const res = await t.call("POST", `/api/sheets/${sheet.id}/rows`, { cookie: coordinator, body: {} });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = json<{ rows: Row[] }>(res).rows;
    expect(row?.studyProgramme).toBe("Sykepleie");
    // It is stored, not only answered.
    const list = json<{ rows: Row[] }>(await t.call("GET", `/api/sheets/${sheet.id}/rows`, { cookie: coordinator }));
    expect(list.rows.find((r) => r.id === row?.id)?.studyProgramme).toBe("Sykepleie");
  });

  it("pasted rows without the column get it too; a programme that was typed, or typed empty, is kept", async () => {
    const res = await t.call("POST", `/api/sheets/${sheet.id}/rows`, {
      cookie: coordinator,
      body: {
        rows: [
          { lastName: "Nilsen", firstName: "Eva" },
          { lastName: "Berg", firstName: "Lars", studyProgramme: "Sykepleie, deltid" },
          { lastName: "Dahl", firstName: "Siri", studyProgramme: "" },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ rows: Row[] }>(res).rows.map((r) => r.studyProgramme)).toEqual([
      "Sykepleie",
      "Sykepleie, deltid",
      "",
    ]);
  });
});
