import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../test/helpers/national-ids.ts";
import { anonymisedLastName } from "../retention.ts";
import type { RowContext } from "./context.ts";
import { duplicateProblems, identityKey } from "./duplicates.ts";
import { emptyRow, type RowData } from "./fields.ts";
import { applyInput } from "./input.ts";
import { fieldIssues, rowProblems } from "./problems.ts";

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
    expect(duplicateProblems([anonymised, anonymised, student, { ...student, anonymised: true }], true)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(duplicateProblems([student, student], true).map((p) => p?.code)).toEqual([
      "rows.duplicate_student",
      "rows.duplicate_student",
    ]);
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

describe("checks without the sheet's period", () => {
  const student: RowData = {
    ...emptyRow,
    lastName: "Nordmann",
    firstName: "Kari",
    nationalId: testNationalId(),
    email: "kari@stud.hvl.no",
    mobile: "+4741234567",
    placementSiteId: "site-1",
    placementSiteName: "Medisinsk avdeling, post 3",
    startDate: "2025-05-05",
    endDate: "2025-05-30",
  };
  const unknownPeriod: RowContext = { ...ctx, periodStart: null, periodEnd: null };

  it("run every check but the one against the period, which names the period once known", () => {
    const bad = { ...student, email: "kari.stud.hvl.no", startDate: "2025-06-01" };
    expect(rowProblems(bad, unknownPeriod).map((p) => p.code)).toEqual(["email.invalid", "date.end_before_start"]);
    expect(rowProblems(student, unknownPeriod)).toEqual([]);
    expect(rowProblems(student, ctx)).toEqual([
      {
        field: "startDate",
        code: "date.outside_period",
        details: { reason: "period", start: "2025-03-03", end: "2025-04-30" },
      },
      {
        field: "endDate",
        code: "date.outside_period",
        details: { reason: "period", start: "2025-03-03", end: "2025-04-30" },
      },
    ]);
  });

  it("say what was found: digits, the missing @, the site as typed", () => {
    const row = {
      ...student,
      nationalId: student.nationalId.slice(0, 10),
      dNumber: `${student.nationalId}9`,
      email: "kari.stud.hvl.no",
      mobile: "412 34 56",
      placementSiteId: null,
      placementSiteName: "Medisinsk post 3",
    };
    const byField = Object.fromEntries(rowProblems(row, unknownPeriod).map((p) => [p.field, p]));
    expect(byField.nationalId?.details).toEqual({ reason: "leading_zero", digits: 10 });
    expect(byField.dNumber).toMatchObject({ code: "d_number.wrong_length", details: { reason: "digits", digits: 12 } });
    expect(byField.email?.details).toEqual({ reason: "missing_at" });
    expect(byField.mobile?.details).toEqual({ reason: "digits", digits: 7 });
    expect(byField.placementSiteId).toMatchObject({
      code: "rows.unknown_placement_site",
      suggestions: ["Medisinsk avdeling, post 3"],
      details: { reason: "not_in_list", name: "Medisinsk post 3" },
    });
  });

  it("find the same student twice from the rows' own dates, naming how and on which rows of the file", () => {
    const later = { ...student, startDate: "2025-06-02", endDate: "2025-06-27" };
    const overlapping = { ...student, startDate: "2025-05-26", endDate: "2025-06-06" };
    expect(duplicateProblems([student, later], true)).toEqual([undefined, undefined]);
    expect(duplicateProblems([student, later, overlapping], true, [2, 3, 7])).toEqual([
      { field: null, code: "rows.duplicate_student", details: { reason: "national_id", rows: [7] } },
      { field: null, code: "rows.duplicate_student", details: { reason: "national_id", rows: [7] } },
      { field: null, code: "rows.duplicate_student", details: { reason: "national_id", rows: [2, 3] } },
    ]);
    const byEmail = { ...student, nationalId: "" };
    expect(duplicateProblems([byEmail, byEmail], true)[0]?.details).toEqual({ reason: "email" });
  });
});
