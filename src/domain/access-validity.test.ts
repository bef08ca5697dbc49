import { describe, expect, it } from "vitest";
import { continues, deactivationDay, hasEnded, reminderDue } from "./access-validity.ts";

describe("when access ends", () => {
  it("is due for deactivation the day after the end", () => {
    expect(deactivationDay("2027-01-31")).toBe("2027-02-01");
    expect(hasEnded("2027-01-31", "2027-01-31")).toBe(false);
    expect(hasEnded("2027-01-31", "2027-02-01")).toBe(true);
  });

  it("is carried on by a later placement that starts by the day after and ends later", () => {
    expect(continues("2027-01-31", { startDate: "2027-02-01", endDate: "2027-03-01" })).toBe(true);
    expect(continues("2027-01-31", { startDate: "2027-01-15", endDate: "2027-03-01" })).toBe(true);
    expect(continues("2027-01-31", { startDate: "2027-02-02", endDate: "2027-03-01" })).toBe(false);
    expect(continues("2027-01-31", { startDate: "2027-01-01", endDate: "2027-01-31" })).toBe(false);
  });

  it("reminds 14 days and 1 day before the end, on no other day", () => {
    expect(reminderDue("2027-01-31", "2027-01-17")).toBe(14);
    expect(reminderDue("2027-01-31", "2027-01-30")).toBe(1);
    expect(reminderDue("2027-01-31", "2027-01-18")).toBeNull();
    expect(reminderDue("2027-01-31", "2027-01-31")).toBeNull();
  });
});
