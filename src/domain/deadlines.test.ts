import { describe, expect, it } from "vitest";
import { deadlineOf, deadlineState, reminderDue } from "./deadlines.ts";

const start = "2027-01-04";

describe("the four-week deadline", () => {
  it("is the period start minus the trust's deadline days", () => {
    expect(deadlineOf(start, 28)).toBe("2026-12-07");
    expect(deadlineOf(start, 35)).toBe("2026-11-30");
  });

  it("is on time, due soon within 7 days, and late after the deadline day", () => {
    const state = (today: string) => deadlineState({ today, periodStart: start, deadlineDays: 28, submittedOn: null });
    expect(state("2026-11-29")).toBe("on_time");
    expect(state("2026-11-30")).toBe("due_soon");
    expect(state("2026-12-07")).toBe("due_soon");
    expect(state("2026-12-08")).toBe("late");
  });

  it("marks a submission after the deadline day as late, and one on it as in time", () => {
    const submitted = (on: string) =>
      deadlineState({ today: "2026-12-20", periodStart: start, deadlineDays: 28, submittedOn: on });
    expect(submitted("2026-12-07")).toBe("submitted");
    expect(submitted("2026-12-08")).toBe("submitted_late");
  });

  it("reminds from 7 days before the deadline until the deadline day", () => {
    expect(reminderDue("2026-11-29", start, 28)).toBe(false);
    expect(reminderDue("2026-11-30", start, 28)).toBe(true);
    expect(reminderDue("2026-12-07", start, 28)).toBe(true);
    expect(reminderDue("2026-12-08", start, 28)).toBe(false);
  });
});
