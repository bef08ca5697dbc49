import { describe, expect, it } from "vitest";
import { issueProblems } from "./issues.ts";

describe("issueProblems", () => {
  it("gives each field the codes of the issues at its path", () => {
    const details = {
      issues: [
        { path: "email", message: "email.invalid" },
        { path: "startDate", message: "date.invalid" },
        { path: "email", message: "email.national_id" },
      ],
    };
    expect(issueProblems(details, ["email", "startDate"])).toEqual({
      email: [{ code: "email.invalid" }, { code: "email.national_id" }],
      startDate: [{ code: "date.invalid" }],
    });
  });

  it("says rows.invalid for a saved field the answer names no issue of", () => {
    expect(issueProblems({ issues: [{ path: "version", message: "required" }] }, ["mobile"])).toEqual({
      mobile: [{ code: "rows.invalid" }],
    });
  });

  it("matches whole paths only", () => {
    expect(issueProblems({ issues: [{ path: "rows.0.email", message: "email.invalid" }] }, ["email"])).toEqual({
      email: [{ code: "rows.invalid" }],
    });
  });

  it("is null without issues", () => {
    expect(issueProblems(undefined, ["email"])).toBeNull();
    expect(issueProblems({ current: {} }, ["email"])).toBeNull();
  });
});
