import { describe, expect, it } from "vitest";
import type { Problem, Row } from "../../../../contracts/overviews.ts";
import { gridColumns } from "./columns.ts";
import { cellProblems, hasError, nextErrorCell } from "./problemRows.ts";

const row = (id: string, problems: Problem[]): Row => ({
  id,
  sheetId: "s",
  version: 1,
  position: 0,
  personId: null,
  lastName: id,
  firstName: "",
  nationalIdMasked: null,
  birthDate: null,
  nationality: "",
  email: "",
  mobile: "",
  homeInstitution: "",
  studyProgramme: "",
  placementSiteId: null,
  placementSiteName: "",
  startDate: null,
  endDate: null,
  dNumberMasked: null,
  previousUsername: "",
  registrationState: "not_registered",
  orderState: "not_ordered",
  learningPortalState: "not_needed",
  problems,
  changes: [],
  comments: [],
  addedAfterSubmission: false,
  anonymisedAt: null,
  withdrawn: null,
  extendedFrom: null,
});

const columns = gridColumns("norwegian");
const col = (key: string) => columns.findIndex((c) => c.key === key);
const rows = [
  row("a", []),
  row("b", [
    { field: "endDate", code: "date.outside_period" },
    { field: "email", code: "email.invalid" },
  ]),
  row("c", [{ field: "nationalId", code: "national_id.leading_zero_restored", warning: true }]),
  row("d", [{ field: null, code: "rows.duplicate_student" }]),
];

describe("moving to the rows with errors", () => {
  it("counts errors, not warnings", () => {
    expect(rows.filter(hasError).map((r) => r.id)).toEqual(["b", "d"]);
  });

  it("starts at the first row with an error, at its first error from the left", () => {
    expect(nextErrorCell(rows, columns, null)).toEqual({ rowId: "b", column: col("email") });
  });

  it("goes on to the next one, a problem of the whole row in the name column, and round again", () => {
    expect(nextErrorCell(rows, columns, "b")).toEqual({ rowId: "d", column: 0 });
    expect(nextErrorCell(rows, columns, "d")).toEqual({ rowId: "b", column: col("email") });
    expect(nextErrorCell(rows, columns, "gone")).toEqual({ rowId: "b", column: col("email") });
  });

  it("shows an error of a field the sheet has no column for in the name column", () => {
    const international = gridColumns("international");
    expect(
      nextErrorCell([row("x", [{ field: "nationalId", code: "national_id.checksum" }])], international, null),
    ).toEqual({
      rowId: "x",
      column: 0,
    });
  });

  it("finds nothing when no row has an error", () => {
    expect(nextErrorCell([rows[0] as Row, rows[2] as Row], columns, null)).toBeNull();
  });
});

describe("the problems a cell shows", () => {
  const withBoth = rows[3] as Row;
  it("are the server's of its field, in the name column those of the whole row too", () => {
    expect(cellProblems(rows[1] as Row, "email", col("email"), undefined)).toEqual([
      { code: "email.invalid", warning: undefined, suggestions: undefined },
    ]);
    expect(cellProblems(withBoth, "lastName", 0, undefined)).toEqual([
      { code: "rows.duplicate_student", warning: undefined, suggestions: undefined },
    ]);
    expect(cellProblems(withBoth, "email", col("email"), undefined)).toEqual([]);
  });

  it("are the draft's while a typed value is saving or was refused", () => {
    const draft = { value: "x", problems: [{ code: "save.failed" }], saving: false };
    expect(cellProblems(rows[1] as Row, "email", col("email"), draft)).toEqual([{ code: "save.failed" }]);
  });
});
