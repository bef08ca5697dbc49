import { describe, expect, it } from "vitest";
import type { RowInput } from "../../contracts/overviews.ts";
import { addDays, overlaps } from "../../domain/dates.ts";
import { type DeadlineState, deadlineState } from "../../domain/deadlines.ts";
import { validateNationalId } from "../../domain/national-id.ts";
import { withMistakes } from "./mistakes.ts";
import { changedDaysAgo, semesterPlan, sheetDates } from "./semester-plan.ts";
import { createStudentFactory, seededRandom } from "./students.ts";

const deadlineDays = 28;
/** Every day of two years, a leap day included. */
const days = Array.from({ length: 731 }, (_, i) => addDays("2027-01-01", i));

describe("the demo semester", () => {
  it("has a sheet in every deadline state whatever the day of the first start", () => {
    for (const today of days) {
      const states = new Set<DeadlineState>();
      for (const doc of semesterPlan) {
        for (const plan of doc.sheets) {
          const d = sheetDates(plan, today, deadlineDays);
          const state = deadlineState({ today, periodStart: d.start, deadlineDays, submittedOn: d.submittedOn });
          states.add(state);
          expect(d.preparedOn < today, `${today}: filled in before the first start`).toBe(true);
          if (d.submittedOn) {
            expect(d.submittedOn < today && d.preparedOn < d.submittedOn).toBe(true);
            expect(state).toBe(
              plan.submittedBeforeDeadline !== undefined && plan.submittedBeforeDeadline < 0
                ? "submitted_late"
                : "submitted",
            );
          }
          if (plan.changedAfterSubmission) {
            expect(d.submittedOn && d.submittedOn < addDays(today, -changedDaysAgo)).toBe(true);
            expect(d.start > today).toBe(true);
          }
        }
      }
      expect([...states].sort(), today).toEqual(["due_soon", "late", "on_time", "submitted", "submitted_late"]);
    }
  });

  it("never gives a cohort two periods at once", () => {
    for (const today of days) {
      for (const doc of semesterPlan) {
        for (const kind of ["norwegian", "international"] as const) {
          const periods = doc.sheets.filter((s) => s.kind === kind).map((s) => sheetDates(s, today, deadlineDays));
          for (const [i, a] of periods.entries()) {
            for (const b of periods.slice(i + 1)) expect(overlaps(a.start, a.end, b.start, b.end), today).toBe(false);
          }
        }
      }
    }
  });

  it("has 15 to 40 students per sheet and submits only sheets without mistakes", () => {
    for (const doc of semesterPlan) {
      for (const plan of doc.sheets) {
        const rows = plan.students + (plan.mistakes?.includes("twice") ? 1 : 0);
        expect(rows).toBeGreaterThanOrEqual(15);
        expect(rows).toBeLessThanOrEqual(40);
        if (plan.submittedBeforeDeadline !== undefined) expect(plan.mistakes ?? []).toEqual([]);
      }
    }
  });

  it("makes each mistake in a row of its own, the same each time", () => {
    const students = createStudentFactory().cohort(5, 30, 2024, "stud.hvl.no");
    const rows: RowInput[] = students.map((s) => ({
      lastName: s.lastName,
      firstName: s.firstName,
      nationalId: s.nationalId,
      email: s.email,
      mobile: s.mobile,
      placementSiteName: "Akuttmottaket",
      startDate: "2027-03-01",
      endDate: "2027-04-09",
    }));
    const ctx = { periodEnd: "2027-04-09", sites: ["Akuttmottaket", "Kvinneklinikken"] };
    const all = ["checksum", "missingDigit", "noMobile", "emailWithoutAt", "unknownSite"] as const;
    const typed = withMistakes(rows, [...all, "outsidePeriod", "twice"], seededRandom(9), ctx);
    expect(typed).toEqual(withMistakes(rows, [...all, "outsidePeriod", "twice"], seededRandom(9), ctx));
    expect(typed).toHaveLength(31);
    expect(typed.filter((r) => !validateNationalId(r.nationalId ?? "", { testMode: true }).ok)).toHaveLength(2);
    expect(typed.filter((r) => r.nationalId?.length === 10)).toHaveLength(1);
    expect(typed.filter((r) => r.mobile === "")).toHaveLength(1);
    expect(typed.filter((r) => !r.email?.includes("@"))).toHaveLength(1);
    expect(typed.filter((r) => r.placementSiteName === "Akuttmottak")).toHaveLength(1);
    expect(typed.filter((r) => r.endDate === "2027-04-16")).toHaveLength(1);
    const twice = typed.filter((r) => typed.filter((o) => o.nationalId === r.nationalId).length > 1);
    expect(twice.map((r) => r.placementSiteName).sort()).toEqual(["Akuttmottaket", "Kvinneklinikken"]);
  });
});
