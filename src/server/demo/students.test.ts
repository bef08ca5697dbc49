import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizeMobile } from "../../domain/contact.ts";
import { birthDateFromNationalId, validateNationalId } from "../../domain/national-id.ts";
import { createStudentFactory, seededRandom, syntheticNationalId } from "./students.ts";

describe("the demo's students", () => {
  it("are the same for the same seeds", () => {
    const a = createStudentFactory();
    const b = createStudentFactory();
    expect(a.cohort(1, 30, 2024, "stud.hvl.no")).toEqual(b.cohort(1, 30, 2024, "stud.hvl.no"));
    expect(a.exchange(2, 15, 2026, "stud.hvl.no")).toEqual(b.exchange(2, 15, 2026, "stud.hvl.no"));
  });

  it("have Tenor test numbers only a trust in test mode accepts, each given once, with the birth date", () => {
    const factory = createStudentFactory();
    const students = [
      ...factory.cohort(1, 40, 2024, "stud.hvl.no"),
      ...factory.cohort(2, 40, 2018, "student.uib.no"),
      ...factory.exchange(3, 40, 2026, "stud.hvl.no"),
    ];
    const numbers = students.flatMap((s) => [s.nationalId, s.dNumber]).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(students.filter((s) => s.dNumber).length).toBeGreaterThan(0);
    for (const s of students) {
      for (const number of [s.nationalId, s.dNumber].filter(Boolean)) {
        expect(validateNationalId(number, { testMode: true })).toMatchObject({ ok: true, kind: "synthetic" });
        expect(validateNationalId(number, { testMode: false })).toEqual({
          ok: false,
          code: "national_id.test_number_not_allowed",
        });
        expect(Number(number.slice(2, 4))).toBeGreaterThan(80);
        expect(birthDateFromNationalId(number)).toBe(s.birthDate);
      }
    }
  });

  it("have school e-mail addresses made of their names, never twice, and mobile numbers that are valid", () => {
    const factory = createStudentFactory();
    const students = [
      ...factory.cohort(1, 40, 2024, "stud.hvl.no"),
      ...factory.cohort(1, 40, 2024, "stud.hvl.no"),
      ...factory.exchange(3, 40, 2026, "stud.hvl.no"),
    ];
    const emails = students.map((s) => s.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const s of students) {
      expect(normalizeEmail(s.email)).toEqual({ ok: true, value: s.email });
      expect(s.email).toMatch(/^[a-z]+([.-][a-z]+)*\d*@stud\.hvl\.no$/);
      const mobile = normalizeMobile(s.mobile);
      expect(mobile.ok, s.mobile).toBe(true);
      if (s.mobile.startsWith("+")) expect(s.nationality).not.toBe("");
      else expect(s.mobile).toMatch(/^[49]\d\d \d\d \d\d\d$/);
    }
    const mobiles = students.map((s) => s.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it("gives a test number the individual number of its century", () => {
    const used = new Set<string>();
    const random = seededRandom(7);
    const born1999 = syntheticNationalId(random, "1999-05-17", used);
    const born2004 = syntheticNationalId(random, "2004-02-29", used);
    expect(Number(born1999.slice(6, 9))).toBeLessThan(500);
    expect(Number(born2004.slice(6, 9))).toBeGreaterThanOrEqual(500);
    expect(birthDateFromNationalId(born2004)).toBe("2004-02-29");
  });
});
