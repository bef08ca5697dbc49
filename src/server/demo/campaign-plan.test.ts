import { describe, expect, it } from "vitest";
import type { RowInput } from "../../contracts/overviews.ts";
import { addDays, todayInOslo } from "../../domain/dates.ts";
import { campaignPlan, type RegistrationOutcome, typoOf } from "./campaign-plan.ts";
import { withMistakes } from "./mistakes.ts";
import { semesterPlan, sheetDates } from "./semester-plan.ts";
import { createStudentFactory, seededRandom } from "./students.ts";

const deadlineDays = 28;
/** Every day of two years, a leap day included. */
const days = Array.from({ length: 731 }, (_, i) => addDays("2027-01-01", i));

/** The sheets with a campaign, with students and rows made as the semester makes them. */
const campaignSheets = semesterPlan.flatMap((doc, d) =>
  doc.sheets.flatMap((plan) => {
    if (!plan.campaign) return [];
    const factory = createStudentFactory();
    const students = factory.cohort(1000 + d, plan.students, 2025, "stud.hvl.no");
    const [spare] = factory.exchange(2000 + d, 1, 2025, "stud.hvl.no");
    const rows: RowInput[] = students.map((s, i) => ({
      lastName: s.lastName,
      firstName: s.firstName,
      nationalId: s.nationalId,
      email: s.email,
      mobile: s.mobile,
      placementSiteName: doc.sites[i % doc.sites.length],
      startDate: "2027-03-01",
      endDate: "2027-04-09",
    }));
    const typed = withMistakes(rows, plan.mistakes ?? [], seededRandom(d), {
      periodEnd: "2027-04-09",
      sites: doc.sites,
    });
    return [{ plan, kind: plan.campaign, students, typed, spare: spare as (typeof students)[number] }];
  }),
);

describe("the demo's registration campaigns", () => {
  it("has an open campaign for each institution and a closed one", () => {
    const institutions = semesterPlan.flatMap((doc) =>
      doc.sheets.filter((s) => s.campaign === "open").map(() => doc.institution),
    );
    expect(institutions.sort()).toEqual(["HVL", "UiB", "VID"]);
    expect(campaignSheets.filter((s) => s.kind === "closed")).toHaveLength(1);
  });

  it("opens each campaign before today, with its registrations before today and before the deadline", () => {
    const faults: string[] = [];
    for (const today of days) {
      for (const sheet of campaignSheets) {
        const dates = sheetDates(sheet.plan, today, deadlineDays);
        const plan = campaignPlan({ ...sheet, dates }, sheet.kind, seededRandom(1), "Høgskulen på Vestlandet");
        const moments = (rs: typeof plan.registrations, of: (r: (typeof rs)[number]) => Date | null) =>
          rs.map(of).filter((d): d is Date => d !== null);
        const transferred = plan.registrations.filter((r) => r.outcome === "transferred");
        const others = plan.registrations.filter((r) => r.outcome !== "transferred");
        const first = Math.min(...moments(plan.registrations, (r) => r.registeredAt).map(Number));
        const last = new Date(
          Math.max(...moments(plan.registrations, (r) => r.confirmedAt ?? r.registeredAt).map(Number)),
        );
        const checks = {
          // A few weeks ahead, whatever the day of the first start; the closed one past.
          deadline:
            sheet.kind === "open"
              ? plan.deadline >= addDays(today, 7) && plan.deadline <= addDays(today, 35)
              : plan.deadline < today,
          "registered after the campaign opened": first > plan.createdAt.getTime(),
          "all before today and the deadline": todayInOslo(last) < today && todayInOslo(last) <= plan.deadline,
          "confirmed after registering": plan.registrations.every(
            (r) => !r.confirmedAt || r.confirmedAt > r.registeredAt,
          ),
          // The HR transfer takes those confirmed by then, and only the `transferred`.
          "transferred confirmed before the transfer": moments(transferred, (r) => r.confirmedAt).every(
            (d) => d < plan.transferAt,
          ),
          "the others after it": others.every((r) => r.registeredAt > plan.transferAt),
        };
        for (const [check, ok] of Object.entries(checks))
          if (!ok) faults.push(`${today} ${sheet.plan.label}: ${check}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it("gives each open campaign registrations of every outcome and leaves students who have not registered", () => {
    for (const sheet of campaignSheets) {
      const plan = campaignPlan(
        { ...sheet, dates: sheetDates(sheet.plan, "2027-05-03", 28) },
        sheet.kind,
        seededRandom(2),
        "Høgskulen på Vestlandet",
      );
      const outcomes = new Set<RegistrationOutcome>(plan.registrations.map((r) => r.outcome));
      const onSheet = plan.registrations.filter((r) => sheet.students.includes(r.student));
      expect(sheet.students.length - onSheet.length).toBeGreaterThanOrEqual(3);
      if (sheet.kind === "closed") {
        expect([...outcomes]).toEqual(["transferred"]);
        continue;
      }
      expect([...outcomes].sort()).toEqual(["newcomer", "registered", "transferred", "typo", "unconfirmed", "waiting"]);
      // A student with two rows is registered: the missing students are counted once each.
      for (const s of sheet.students.filter((s) => sheet.typed.filter((r) => r.email === s.email).length > 1)) {
        expect(plan.registrations.find((r) => r.student === s)?.outcome).toMatch(/transferred|registered/);
      }
      const typo = plan.registrations.find((r) => r.outcome === "typo");
      expect(typo?.form.firstName).not.toBe(typo?.student.firstName);
      for (const r of plan.registrations.filter((r) => r.outcome === "typo" || r.outcome === "waiting")) {
        expect(r.form.email).toMatch(/@example\.(com|net)$/);
      }
      // Only the registrations meant to match no row come without a national ID.
      for (const r of plan.registrations) {
        expect(r.form.nationalId === null, r.outcome).toBe(r.outcome === "typo" || r.outcome === "newcomer");
      }
    }
  });

  it("mistypes a name as a thumb would", () => {
    expect(typoOf("Ingrid")).toBe("Inrgid");
    expect(typoOf("Anna")).toBe("Ana");
    expect(typoOf("Ola")).toBe("Oal");
  });
});
