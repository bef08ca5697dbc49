import { describe, expect, it } from "vitest";
import { learningPortalStateOf } from "./learning-portal.ts";
import { emptyRow } from "./placement-row/fields.ts";

const fnr = "02013299997";
const trust = { testMode: true, dNumberNeedsManualUser: false };

describe("learningPortalStateOf", () => {
  it("needs no user by hand for a student with a fødselsnummer, nor on a Norwegian sheet without one", () => {
    expect(learningPortalStateOf({ ...emptyRow, nationalId: fnr }, "international", trust, null)).toBe("not_needed");
    expect(learningPortalStateOf(emptyRow, "norwegian", trust, null)).toBe("not_needed");
  });

  it("needs one for an international student without a number, in the person's state once asked for", () => {
    expect(learningPortalStateOf(emptyRow, "international", trust, null)).toBe("needed");
    expect(learningPortalStateOf(emptyRow, "international", trust, "requested")).toBe("requested");
    expect(learningPortalStateOf(emptyRow, "international", trust, "created")).toBe("created");
  });

  it("needs one for a D-number holder only when the trust says so", () => {
    const dnr = { ...emptyRow, dNumber: "70108299914" };
    expect(learningPortalStateOf(dnr, "norwegian", trust, null)).toBe("not_needed");
    expect(learningPortalStateOf(dnr, "norwegian", { ...trust, dNumberNeedsManualUser: true }, null)).toBe("needed");
  });

  it("needs nothing on an anonymised row", () => {
    expect(learningPortalStateOf({ ...emptyRow, anonymised: true }, "international", trust, null)).toBe("not_needed");
  });
});
