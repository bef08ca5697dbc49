import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nineDigits, type TestIdKind, testNationalId } from "../../test/helpers/national-ids.ts";
import { withCheckDigits } from "./check-digits.ts";
import {
  birthDateFromNationalId,
  hasValidNationalIdChecksum,
  maskNationalId,
  type NationalIdKind,
  validateNationalId,
} from "./national-id.ts";

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const expectedKind: Record<TestIdKind, { kind: NationalIdKind; dNumber: boolean }> = {
  fnr: { kind: "fnr", dNumber: false },
  dnr: { kind: "dnr", dNumber: true },
  hnr: { kind: "hnr", dNumber: false },
  tnr: { kind: "synthetic", dNumber: false },
  "dnr-and-hnr": { kind: "synthetic", dNumber: true },
  "dnr-and-tnr": { kind: "synthetic", dNumber: true },
};

/** Valid numbers of every kind, born 1900–2039, with the classic or a 2032-rule first check digit. */
const validNumber = fc
  .record({
    year: fc.integer({ min: 1900, max: 2039 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    individualOffset: fc.integer({ min: 0, max: 499 }),
    kind: fc.constantFrom<TestIdKind>("fnr", "dnr", "hnr", "tnr", "dnr-and-hnr", "dnr-and-tnr"),
    rest: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
  })
  .map(({ year, month, dayFraction, individualOffset, kind, rest }) => {
    const day = 1 + Math.floor(dayFraction * daysIn(year, month));
    const individual = (year < 2000 ? 0 : 500) + individualOffset;
    const value = withCheckDigits(nineDigits({ year, month, day, individual, kind }), rest);
    const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return { value, kind, birthDate };
  })
  .filter((n): n is { value: string; kind: TestIdKind; birthDate: string } => n.value !== null);

describe("validateNationalId", () => {
  it("accepts every generated valid number of its kind in test mode, with its birth date", () => {
    fc.assert(
      fc.property(validNumber, ({ value, kind, birthDate }) => {
        const result = validateNationalId(value, { testMode: true });
        expect(result).toEqual({ ok: true, value, ...expectedKind[kind], warnings: [] });
        expect(hasValidNationalIdChecksum(value)).toBe(true);
        expect(birthDateFromNationalId(value)).toBe(birthDate);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts fødselsnumre and D-numbers outside test mode, but not H-numbers or synthetic numbers", () => {
    fc.assert(
      fc.property(validNumber, ({ value, kind }) => {
        const result = validateNationalId(value, { testMode: false });
        if (kind === "fnr" || kind === "dnr") expect(result.ok).toBe(true);
        else expect(result).toEqual({ ok: false, code: "national_id.test_number_not_allowed" });
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects every single-digit change of a valid number", () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ value }, position, delta) => {
          const digit = (Number(value[position]) + delta) % 10;
          const changed = value.slice(0, position) + digit + value.slice(position + 1);
          expect(changed).not.toBe(value);
          expect(validateNationalId(changed, { testMode: true }).ok).toBe(false);
          expect(hasValidNationalIdChecksum(changed)).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("rejects every swap of two different neighbouring digits of a valid number", () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 9 }), ({ value }, position) => {
        const [a, b] = [value[position], value[position + 1]];
        fc.pre(a !== b);
        const swapped = value.slice(0, position) + b + a + value.slice(position + 2);
        expect(validateNationalId(swapped, { testMode: true }).ok).toBe(false);
        expect(hasValidNationalIdChecksum(swapped)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("exhaustively: no single-digit change or neighbour swap of some valid numbers passes", () => {
    for (const value of [testNationalId(), testNationalId({ kind: "dnr", rest: 2 }), "02013299997"]) {
      for (let i = 0; i < 11; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === value[i]) continue;
          expect(validateNationalId(value.slice(0, i) + d + value.slice(i + 1), { testMode: true }).ok).toBe(false);
        }
        const [a, b] = [value[i], value[i + 1]];
        if (i < 10 && a !== b) {
          expect(validateNationalId(value.slice(0, i) + b + a + value.slice(i + 2), { testMode: true }).ok).toBe(false);
        }
      }
    }
  });

  describe("the 2032 rule (first check digit with remainder 0–3)", () => {
    it("accepts Skatteetaten's examples, born 02.01.2032 and two numbers for 30.10.1982 with individual number 999", () => {
      for (const value of ["02013299997", "30108299920", "30108299939"]) {
        expect(validateNationalId(value, { testMode: false })).toMatchObject({ ok: true, value, kind: "fnr" });
      }
      expect(validateNationalId("70108299914", { testMode: false })).toMatchObject({ ok: true, kind: "dnr" });
    });

    it("accepts each of the four first check digits and nothing else for the same nine digits", () => {
      const nine = nineDigits({ year: 2033, month: 7, day: 9, individual: 612 });
      const valid = new Set<string>();
      for (const rest of [0, 1, 2, 3] as const) {
        const value = withCheckDigits(nine, rest);
        if (value) valid.add(value);
      }
      expect(valid.size).toBeGreaterThanOrEqual(2);
      for (let k1 = 0; k1 <= 9; k1++) {
        for (let k2 = 0; k2 <= 9; k2++) {
          const value = `${nine}${k1}${k2}`;
          expect(validateNationalId(value, { testMode: false }).ok, value).toBe(valid.has(value));
        }
      }
    });

    it("rejects a wrong first check digit and a wrong second one", () => {
      expect(validateNationalId("02013299987", { testMode: false })).toEqual({
        ok: false,
        code: "national_id.checksum",
      });
      expect(validateNationalId("02013299996", { testMode: false })).toEqual({
        ok: false,
        code: "national_id.checksum",
      });
    });
  });

  it("tells D-numbers, H-numbers and synthetic numbers apart", () => {
    const dnr = testNationalId({ kind: "dnr" });
    expect(validateNationalId(dnr, { testMode: false })).toMatchObject({ ok: true, kind: "dnr", dNumber: true });
    const hnr = testNationalId({ kind: "hnr" });
    expect(validateNationalId(hnr, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.test_number_not_allowed",
    });
    expect(validateNationalId(hnr, { testMode: true })).toMatchObject({ ok: true, kind: "hnr", dNumber: false });
    const tenor = "10915596784";
    expect(validateNationalId(tenor, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.test_number_not_allowed",
    });
    expect(validateNationalId(tenor, { testMode: true })).toMatchObject({ ok: true, kind: "synthetic" });
    const navSyntheticD = testNationalId({ kind: "dnr-and-hnr" });
    expect(validateNationalId(navSyntheticD, { testMode: true })).toMatchObject({
      ok: true,
      kind: "synthetic",
      dNumber: true,
    });
  });

  it("trims, accepts one space after the birth date, and gives distinct codes for each fault", () => {
    const value = testNationalId();
    const spaced = `${value.slice(0, 6)} ${value.slice(6)}`;
    expect(validateNationalId(`  ${spaced}\t`, { testMode: false })).toMatchObject({ ok: true, value });
    expect(validateNationalId(`${value.slice(0, 6)}  ${value.slice(6)}`, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.not_digits",
      details: { reason: "characters", characters: " " },
    });
    expect(validateNationalId(`${value.slice(0, 3)} ${value.slice(3)}`, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.not_digits",
      details: { reason: "characters", characters: " " },
    });
    expect(validateNationalId("   ", { testMode: false })).toEqual({ ok: false, code: "national_id.empty" });
    expect(validateNationalId(`${value.slice(0, 4)}-${value.slice(4, 10)}xx`, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.not_digits",
      details: { reason: "characters", characters: "-x" },
    });
    expect(validateNationalId(`${value}1`, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.wrong_length",
      details: { reason: "digits", digits: 12 },
    });
    expect(validateNationalId(value.slice(0, 9), { testMode: false })).toEqual({
      ok: false,
      code: "national_id.wrong_length",
      details: { reason: "digits", digits: 9 },
    });
    // 31 April does not exist; the check digits are made to fit so only the date is wrong.
    const badDate = withCheckDigits("310435512") ?? withCheckDigits("310435513");
    expect(badDate).not.toBeNull();
    expect(validateNationalId(badDate as string, { testMode: true })).toEqual({
      ok: false,
      code: "national_id.invalid_date",
      details: { reason: "date_digits", dateDigits: "310435" },
    });
    expect(validateNationalId(-1, { testMode: false })).toMatchObject({
      ok: false,
      code: "national_id.not_digits",
      details: { characters: "-" },
    });
    expect(validateNationalId(1.5, { testMode: false })).toMatchObject({
      ok: false,
      code: "national_id.not_digits",
      details: { characters: "." },
    });
  });

  it("gives a 10-digit value (Excel dropped the leading zero) its zero back with a warning", () => {
    const value = testNationalId({ day: 7 });
    expect(value.startsWith("0")).toBe(true);
    const expected = { ok: true, value, kind: "fnr", warnings: ["national_id.leading_zero_restored"] };
    expect(validateNationalId(Number(value), { testMode: false })).toMatchObject(expected);
    expect(validateNationalId(value.slice(1), { testMode: false })).toMatchObject(expected);
    // Ten digits that fail even with the zero put back say so.
    expect(validateNationalId(Number(value) + 1, { testMode: false })).toEqual({
      ok: false,
      code: "national_id.checksum",
      details: { reason: "leading_zero", digits: 10 },
    });
    expect(validateNationalId(value, { testMode: false })).toMatchObject({ ok: true, warnings: [] });
  });
});

describe("maskNationalId", () => {
  it("shows the birth-date digits only", () => {
    const value = testNationalId();
    expect(maskNationalId(value)).toBe(`${value.slice(0, 6)} *****`);
    expect(maskNationalId(`${value.slice(0, 6)} ${value.slice(6)}`)).toBe(`${value.slice(0, 6)} *****`);
    expect(maskNationalId("12345")).toBe("***********");
  });
});

describe("birthDateFromNationalId", () => {
  it("reads the century from the individual number", () => {
    expect(birthDateFromNationalId(testNationalId({ year: 2035, month: 3, day: 14, individual: 500 }))).toBe(
      "2035-03-14",
    );
    expect(birthDateFromNationalId(testNationalId({ year: 1935, month: 3, day: 14, individual: 100 }))).toBe(
      "1935-03-14",
    );
    expect(birthDateFromNationalId("30108299920")).toBe("1982-10-30");
    expect(birthDateFromNationalId(testNationalId({ year: 1875, month: 3, day: 14, individual: 600 }))).toBe(
      "1875-03-14",
    );
    expect(birthDateFromNationalId(testNationalId({ kind: "dnr-and-tnr", year: 2001, day: 31 }))).toBe("2001-03-31");
    // 750–899 with a year from 40 is not in use: no century.
    expect(birthDateFromNationalId(`${nineDigits({ year: 1960, month: 1, day: 1, individual: 800 })}00`)).toBeNull();
    expect(birthDateFromNationalId("1234")).toBeNull();
  });
});
