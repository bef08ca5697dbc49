import { describe, expect, it } from "vitest";
import {
  addMonths,
  isPastRetention,
  lastPlacementEnd,
  personalDataDue,
  readNotificationCutoff,
  retentionCutoff,
  sentEmailCutoff,
} from "./retention.ts";

describe("moving a date by months", () => {
  it("keeps the day of the month when the target month has it", () => {
    expect(addMonths("2026-05-15", -12)).toBe("2025-05-15");
    expect(addMonths("2026-05-15", -1)).toBe("2026-04-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-11-30", 2)).toBe("2027-01-30");
    expect(addMonths("2026-05-15", 0)).toBe("2026-05-15");
  });

  it("takes the last day of a shorter month", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2026-05-31", -1)).toBe("2026-04-30");
    expect(addMonths("2028-02-29", -12)).toBe("2027-02-28");
    expect(addMonths("2026-12-31", -10)).toBe("2026-02-28");
  });

  it("refuses a part of a month", () => {
    expect(() => addMonths("2026-05-15", 1.5)).toThrow(RangeError);
  });
});

describe("the retention cut-off", () => {
  it("is today minus the trust's months", () => {
    expect(retentionCutoff("2026-05-31", 12)).toBe("2025-05-31");
    expect(retentionCutoff("2026-05-31", 24)).toBe("2024-05-31");
    expect(retentionCutoff("2026-03-31", 1)).toBe("2026-02-28");
    expect(retentionCutoff("2026-11-28", 120)).toBe("2016-11-28");
  });

  it("refuses a negative or fractional number of months", () => {
    expect(() => retentionCutoff("2026-05-31", -1)).toThrow(RangeError);
    expect(() => retentionCutoff("2026-05-31", 0.5)).toThrow(RangeError);
  });
});

describe("a person's last placement", () => {
  it("is the latest end date of their rows", () => {
    expect(
      lastPlacementEnd([
        { endDate: "2025-04-30", sheetEndDate: "2025-04-30" },
        { endDate: "2025-06-20", sheetEndDate: "2025-06-30" },
        { endDate: "2025-01-31", sheetEndDate: "2025-02-28" },
      ]),
    ).toBe("2025-06-20");
  });

  it("counts a row without an end date as ending with its sheet's period", () => {
    expect(
      lastPlacementEnd([
        { endDate: "2025-04-30", sheetEndDate: "2025-04-30" },
        { endDate: null, sheetEndDate: "2025-06-30" },
      ]),
    ).toBe("2025-06-30");
  });

  it("is none without placements", () => {
    expect(lastPlacementEnd([])).toBeNull();
  });
});

describe("whether personal data is due", () => {
  it("is due when the last placement ended before the cut-off, not on it", () => {
    expect(isPastRetention("2025-05-30", "2025-05-31")).toBe(true);
    expect(isPastRetention("2025-05-31", "2025-05-31")).toBe(false);
    expect(isPastRetention("2025-06-01", "2025-05-31")).toBe(false);
    expect(isPastRetention(null, "2025-05-31")).toBe(false);
  });

  it("keeps a student 11 months and lets go of one 13 months after the last placement (12 months' retention)", () => {
    const due = (endDate: string) =>
      personalDataDue({ today: "2026-05-31", retentionMonths: 12, placements: [{ endDate, sheetEndDate: endDate }] });
    expect(due("2025-04-30")).toBe(true);
    expect(due("2025-06-30")).toBe(false);
  });

  it("keeps a student with a later placement, even when the earlier one is past retention", () => {
    expect(
      personalDataDue({
        today: "2026-05-31",
        retentionMonths: 12,
        placements: [
          { endDate: "2025-04-30", sheetEndDate: "2025-04-30" },
          { endDate: "2025-06-30", sheetEndDate: "2025-06-30" },
        ],
      }),
    ).toBe(false);
  });

  it("follows the trust's setting", () => {
    const placements = [{ endDate: "2025-04-30", sheetEndDate: "2025-04-30" }];
    expect(personalDataDue({ today: "2026-05-31", retentionMonths: 12, placements })).toBe(true);
    expect(personalDataDue({ today: "2026-05-31", retentionMonths: 24, placements })).toBe(false);
    expect(personalDataDue({ today: "2027-05-01", retentionMonths: 24, placements })).toBe(true);
  });

  it("handles the end of a month: on 31.03 with one month's retention, a placement ending 27.02 is due, 28.02 not", () => {
    const due = (endDate: string) =>
      personalDataDue({ today: "2026-03-31", retentionMonths: 1, placements: [{ endDate, sheetEndDate: endDate }] });
    expect(due("2026-02-27")).toBe(true);
    expect(due("2026-02-28")).toBe(false);
  });
});

describe("e-mail and notifications", () => {
  it("keeps sent e-mail 90 days and read notifications 12 months", () => {
    expect(sentEmailCutoff("2026-05-31")).toBe("2026-03-02");
    expect(readNotificationCutoff("2026-05-31")).toBe("2025-05-31");
    expect(readNotificationCutoff("2028-02-29")).toBe("2027-02-28");
  });
});
