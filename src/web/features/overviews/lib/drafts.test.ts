import { describe, expect, it } from "vitest";
import type { Row } from "../../../../contracts/overviews.ts";
import { checkContextOf, type Drafts, withDraft } from "./drafts.ts";

describe("withDraft", () => {
  it("sets and removes one cell's draft, leaving the others", () => {
    const typed = { value: "x", problems: [], saving: false };
    const one = withDraft({}, "r1", "email", typed);
    const two = withDraft(one, "r1", "mobile", { ...typed, value: "9" });
    expect(two).toEqual({ r1: { email: typed, mobile: { ...typed, value: "9" } } });
    expect(withDraft(two, "r1", "email", null)).toEqual({ r1: { mobile: { ...typed, value: "9" } } });
    expect(one).toEqual({ r1: { email: typed } });
  });
});

describe("checkContextOf", () => {
  const sheet = { kind: "norwegian" as const, startDate: "2027-03-01", endDate: "2027-04-30" };
  const row = { id: "r1", startDate: "2027-03-02", endDate: "2027-03-20" } as Row;

  it("takes the row's stored dates without drafts", () => {
    expect(checkContextOf(sheet, true, [], row, {})).toEqual({
      kind: "norwegian",
      testMode: true,
      periodStart: "2027-03-01",
      periodEnd: "2027-04-30",
      sites: [],
      row,
      startDate: "2027-03-02",
      endDate: "2027-03-20",
    });
  });

  it("takes the placement dates as typed, null where they do not parse", () => {
    const drafts: Drafts = {
      r1: {
        startDate: { value: "05.03.2027", problems: [], saving: true },
        endDate: { value: "x", problems: [], saving: false },
      },
    };
    const ctx = checkContextOf(sheet, false, [], row, drafts);
    expect(ctx.startDate).toBe("2027-03-05");
    expect(ctx.endDate).toBeNull();
  });
});
