import { describe, expect, it } from "vitest";
import { testNationalId } from "../../test/helpers/national-ids.ts";
import { formatChangeValue } from "./change-values.ts";

describe("changed values as people read them", () => {
  it("writes dates dd.mm.yyyy and keeps a date typed wrong as typed", () => {
    expect(formatChangeValue("startDate", "2027-03-08")).toBe("08.03.2027");
    expect(formatChangeValue("birthDate", "2001-12-24")).toBe("24.12.2001");
    expect(formatChangeValue("endDate", "2027-02-30")).toBe("2027-02-30");
    expect(formatChangeValue("endDate", "neste uke")).toBe("neste uke");
  });

  it("shows a mobile as the grid does, and one typed wrong as typed", () => {
    expect(formatChangeValue("mobile", "+4791234567")).toBe("91 23 45 67");
    expect(formatChangeValue("mobile", "+447700900123")).toBe("+44 7700 900123");
    expect(formatChangeValue("mobile", "123")).toBe("123");
  });

  it("never shows a whole national ID or D-number", () => {
    const id = testNationalId({ year: 2035, month: 3, day: 14, individual: 500 });
    expect(formatChangeValue("nationalId", `${id.slice(0, 6)} *****`)).toBe(`${id.slice(0, 6)} *****`);
    expect(formatChangeValue("nationalId", id)).toBe(`${id.slice(0, 6)} *****`);
    expect(formatChangeValue("dNumber", "1234")).toBe("***********");
  });

  it("leaves names, sites and comments alone, and empty is empty", () => {
    expect(formatChangeValue("placementSiteId", "Akuttmottaket")).toBe("Akuttmottaket");
    expect(formatChangeValue(null, "2027-03-08")).toBe("2027-03-08");
    expect(formatChangeValue("lastName", null)).toBe("");
    expect(formatChangeValue("mobile", "")).toBe("");
  });
});
