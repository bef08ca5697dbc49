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
    expect(normalizeMobile("123")).toEqual({ ok: false, code: "mobile.invalid" });
    expect(normalizeMobile("  ")).toEqual({ ok: false, code: "mobile.empty" });
    expect(normalizeMobile("ring meg")).toEqual({ ok: false, code: "mobile.invalid" });
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
    expect(normalizeEmail("kari.nordmann@")).toEqual({ ok: false, code: "email.invalid" });
    expect(normalizeEmail("kari nordmann@uib.no")).toEqual({ ok: false, code: "email.invalid" });
    expect(normalizeEmail("")).toEqual({ ok: false, code: "email.empty" });
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
