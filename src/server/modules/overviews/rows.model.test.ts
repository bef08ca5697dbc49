import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../test/helpers/national-ids.ts";
import { anonymisedLastName } from "../../../domain/retention.ts";
import {
  applyInput,
  duplicateRows,
  emptyRow,
  fieldIssues,
  identityKey,
  type RowContext,
  type RowData,
  rowProblems,
} from "./rows.model.ts";

const ctx: RowContext = {
  kind: "norwegian",
  periodStart: "2025-03-03",
  periodEnd: "2025-04-30",
  testMode: true,
  sites: [{ id: "site-1", name: "Medisinsk avdeling, post 3" }],
};

/** A row as the retention job leaves it: names neutral, personal fields empty, dates and site kept. */
const anonymised: RowData = {
  ...emptyRow,
  lastName: anonymisedLastName,
  placementSiteId: "site-1",
  placementSiteName: "Medisinsk avdeling, post 3",
  startDate: "2025-03-03",
  endDate: "2025-04-30",
  anonymised: true,
};

describe("anonymised rows", () => {
  it("have no problems, although names, national ID, e-mail and mobile are empty", () => {
    expect(rowProblems(anonymised, ctx)).toEqual([]);
    // The same row not marked anonymised is full of errors.
    const codes = rowProblems({ ...anonymised, anonymised: false }, ctx).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["name.empty", "national_id.empty", "email.empty", "mobile.empty"]));
  });

  it("have no problems even with values that would be faults (dates outside the period, unknown site)", () => {
    expect(
      rowProblems({ ...anonymised, startDate: "2024-01-01", placementSiteId: null, placementSiteName: "Ukjent" }, ctx),
    ).toEqual([]);
  });

  it("are never duplicates of each other or of a student", () => {
    const student: RowData = { ...anonymised, anonymised: false, email: "kari@stud.hvl.no", firstName: "Kari" };
    expect(identityKey(anonymised, true)).toBeNull();
    expect(identityKey({ ...student, anonymised: true }, true)).toBeNull();
    expect(duplicateRows([anonymised, anonymised, student, { ...student, anonymised: true }], true)).toEqual(new Set());
    expect(duplicateRows([student, student], true)).toEqual(new Set([0, 1]));
  });
});

describe("national IDs in identifier fields", () => {
  const id = testNationalId();
  const mask = `${id.slice(0, 6)} *****`;
  const input = { email: `${id}@uib.no`, previousUsername: ` ${id} ` };

  it("are kept only masked, each flagged as an error on its field", () => {
    const { data } = applyInput(emptyRow, input, ctx);
    expect(data.email).toBe(`${mask}@uib.no`);
    expect(data.previousUsername).toBe(mask);
    const problems = rowProblems(data, ctx).filter((p) => p.field === "email" || p.field === "previousUsername");
    expect(problems).toEqual([
      { field: "email", code: "email.national_id" },
      { field: "previousUsername", code: "previous_username.national_id" },
    ]);
    expect(rowProblems({ ...data, previousUsername: "kno012" }, ctx).map((p) => p.field)).not.toContain(
      "previousUsername",
    );
  });

  it("are refused when a person saves them into the field", () => {
    const { data, unknownSiteId } = applyInput(emptyRow, input, ctx);
    expect(fieldIssues(data, input, ctx, unknownSiteId)).toEqual([
      { path: "email", message: "email.national_id" },
      { path: "previousUsername", message: "previous_username.national_id" },
    ]);
  });
});
