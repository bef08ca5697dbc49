import { describe, expect, it } from "vitest";
import {
  addDays,
  dateFromCell,
  daysBetween,
  formatDate,
  fromExcelSerial,
  insidePeriod,
  isIsoDate,
  maxYear,
  minYear,
  overlaps,
  parseDate,
  todayInOslo,
} from "./dates.ts";

describe("dates", () => {
  it("reads the ways people write dates, and refuses dates that do not exist", () => {
    expect(parseDate("17.08.2026")).toBe("2026-08-17");
    expect(parseDate(" 7.8.26 ")).toBe("2026-08-07");
    expect(parseDate("17/08/2026")).toBe("2026-08-17");
    expect(parseDate("2026-08-17")).toBe("2026-08-17");
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("29.02.2028")).toBe("2028-02-29");
    expect(parseDate("neste uke")).toBeNull();
  });

  it("is one rule for stored dates: a day the calendar has, in the years 1900–2199", () => {
    for (const good of ["2027-03-01", "2028-02-29", "2000-02-29", "1900-01-01", "2199-12-31", "1990-12-31"]) {
      expect(isIsoDate(good), good).toBe(true);
    }
    for (const bad of [
      "2027-02-30",
      "2025-02-29",
      "1900-02-29",
      "2027-13-01",
      "2027-00-10",
      "2027-04-31",
      "2027-01-00",
      "0000-01-01",
      "1899-12-31",
      "2200-01-01",
      "9999-12-31",
      "2027-3-1",
      "01.03.2027",
      " 2027-03-01",
      "",
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect([minYear, maxYear]).toEqual([1900, 2199]);
  });

  it("reads typed dates by the same rule", () => {
    expect(parseDate("2027-02-30")).toBeNull();
    expect(parseDate("29.02.2025")).toBeNull();
    expect(parseDate("2027-13-01")).toBeNull();
    expect(parseDate("0000-01-01")).toBeNull();
    expect(parseDate("01.01.1899")).toBeNull();
    expect(parseDate("01.01.2200")).toBeNull();
    expect(parseDate("01.01.1900")).toBe("1900-01-01");
    expect(parseDate("31.12.2199")).toBe("2199-12-31");
    expect(dateFromCell(new Date(Date.UTC(2300, 0, 1)))).toBeNull();
    expect(dateFromCell("30.02.2027")).toBeNull();
    // Excel's last serial is 31.12.9999, outside the years a date may have.
    expect(fromExcelSerial(2_958_465)).toBeNull();
  });

  it("formats as dd.mm.yyyy and counts days across month ends and summer time", () => {
    expect(formatDate("2026-01-05")).toBe("05.01.2026");
    expect(addDays("2026-03-10", -28)).toBe("2026-02-10");
    expect(addDays("2026-03-20", 14)).toBe("2026-04-03");
    expect(daysBetween("2026-03-25", "2026-04-01")).toBe(7);
  });

  it("takes the calendar date in Oslo, not in UTC", () => {
    expect(todayInOslo(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayInOslo(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
  });

  it("reads Excel's serial dates and date cells", () => {
    expect(fromExcelSerial(46251)).toBe("2026-08-17");
    expect(dateFromCell(new Date(Date.UTC(2026, 7, 17)))).toBe("2026-08-17");
    expect(dateFromCell(46251)).toBe("2026-08-17");
    expect(dateFromCell("17.08.2026")).toBe("2026-08-17");
    expect(dateFromCell(null)).toBeNull();
  });

  it("knows inside and overlapping ranges", () => {
    expect(insidePeriod("2026-08-17", "2026-09-11", "2026-08-17", "2026-10-09")).toBe(true);
    expect(insidePeriod("2026-08-10", "2026-09-11", "2026-08-17", "2026-10-09")).toBe(false);
    expect(overlaps("2026-08-17", "2026-09-11", "2026-09-11", "2026-10-01")).toBe(true);
    expect(overlaps("2026-08-17", "2026-09-10", "2026-09-11", "2026-10-01")).toBe(false);
  });
});
