import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../test/helpers/national-ids.ts";
import { isEmail } from "../contracts/common.ts";
import { formatMobile, normalizeEmail, normalizeMobile } from "./contact.ts";

describe("mobile numbers", () => {
  it("stores Norwegian numbers however they are written as E.164", () => {
    for (const written of ["912 34 567", "91234567", "+47 912 34 567", "0047 91234567", " 412-34-567 "]) {
      const result = normalizeMobile(written);
      expect(result.ok, written).toBe(true);
    }
    expect(normalizeMobile("912 34 567")).toEqual({ ok: true, value: "+4791234567" });
    expect(normalizeMobile("0047 91234567")).toEqual({ ok: true, value: "+4791234567" });
  });

  it("accepts foreign numbers that are possible in their country", () => {
    expect(normalizeMobile("+46 70 123 45 67")).toEqual({ ok: true, value: "+46701234567" });
    expect(normalizeMobile("+49 1512 3456789")).toEqual({ ok: true, value: "+4915123456789" });
    expect(normalizeMobile("+44 7700 900123")).toEqual({ ok: true, value: "+447700900123" });
  });

  it("refuses what cannot be a number", () => {
    expect(normalizeMobile("  ")).toEqual({ ok: false, code: "mobile.empty" });
  });

  it("says what was found in what is no number", () => {
    const details = (input: string) => {
      const result = normalizeMobile(input);
      return result.ok ? null : "details" in result ? result.details : null;
    };
    expect(details("123")).toEqual({ reason: "digits", digits: 3 });
    expect(details("+47 412 34 56")).toEqual({ reason: "digits", digits: 7 });
    expect(details("412 345 678")).toEqual({ reason: "digits", digits: 9 });
    expect(details("ring meg")).toEqual({ reason: "characters", characters: "ringme" });
    expect(details("412 34 567 / 55")).toEqual({ reason: "characters", characters: "/" });
    expect(details("01234567")).toEqual({ reason: "not_norwegian" });
    expect(details("+46 70")).toEqual({ reason: "foreign" });
  });

  it("refuses a +47 number that is not in the Norwegian numbering plan", () => {
    expect(normalizeMobile("+47 1000 9000")).toEqual({
      ok: false,
      code: "mobile.invalid",
      details: { reason: "not_norwegian" },
    });
    expect(normalizeMobile("0047 10009000").ok).toBe(false);
  });

  it("answers as libphonenumber does for every Norwegian eight-digit range, written every way", () => {
    // The short way for mobile ranges (norwegianMobile) must agree with the numbering plan's answer.
    const plan = (n: string) => {
      const parsed = parsePhoneNumberFromString(n, "NO");
      // +47 is Norway's and Svalbard's (79…): a number valid in either plan.
      return parsed?.countryCallingCode === "47" && parsed.isValid() ? parsed.number : null;
    };
    let mobiles = 0;
    for (let prefix = 1000; prefix <= 9999; prefix++) {
      const digits = `${prefix}${String((prefix * 7919) % 10_000).padStart(4, "0")}`;
      for (const written of [digits, `+47${digits}`, `0047 ${digits.slice(0, 3)} ${digits.slice(3)}`]) {
        const r = normalizeMobile(written);
        expect(r.ok ? r.value : null, written).toBe(plan(digits));
      }
      if (plan(digits) && /^[49]/.test(digits)) mobiles++;
    }
    expect(mobiles).toBeGreaterThan(1000);
  });

  it("shows Norwegian numbers the Norwegian way", () => {
    expect(formatMobile("+4791234567")).toBe("91 23 45 67");
    expect(formatMobile("+46701234567")).toBe("+46 70 123 45 67");
  });
});

describe("e-mail addresses", () => {
  it("trims, lower-cases and checks the syntax", () => {
    expect(normalizeEmail(" Kari.Nordmann@Student.UiB.no ")).toEqual({
      ok: true,
      value: "kari.nordmann@student.uib.no",
    });
    expect(normalizeEmail("")).toEqual({ ok: false, code: "email.empty" });
  });

  it("says what was found in an address that is none", () => {
    const reason = (input: string) => {
      const result = normalizeEmail(input);
      return result.ok ? null : "details" in result ? result.details.reason : result.code;
    };
    expect(reason("kari.nordmann@")).toBe("missing_domain");
    expect(reason("kari.nordmann@uib")).toBe("missing_domain");
    expect(reason("kari nordmann@uib.no")).toBe("spaces");
    expect(reason("kari.nordmann.uib.no")).toBe("missing_at");
    expect(reason("kari@nordmann@uib.no")).toBe("several_at");
    expect(reason("@uib.no")).toBe("missing_name");
    expect(reason(`${"k".repeat(250)}@uib.no`)).toBe("too_long");
  });

  it("refuses an address holding a national ID, whole or masked", () => {
    const id = testNationalId();
    expect(normalizeEmail(`${id}@uib.no`)).toEqual({ ok: false, code: "email.national_id" });
    expect(normalizeEmail(`kari.${id}@student.uib.no`)).toEqual({ ok: false, code: "email.national_id" });
    expect(normalizeEmail(`${id.slice(0, 6)} *****@uib.no`)).toEqual({ ok: false, code: "email.national_id" });
    expect(isEmail(`${id}@uib.no`)).toBe(false);
    expect(isEmail(`student${id.slice(0, 8)}@uib.no`)).toBe(true);
  });
});
