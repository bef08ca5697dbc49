import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { holdsNationalId } from "./free-text.ts";

/**
 * What was found in a mobile number that is none, for a message that says so:
 *   characters     it holds `characters` (each once) besides digits, spaces, ()-. and a leading +
 *   digits         a Norwegian number (no country code, or +47) with `digits` digits, not 8
 *   not_norwegian  8 digits that are no number in the Norwegian numbering plan
 *   foreign        a number with another country code that is not possible there
 */
export type PhoneDetails =
  | { reason: "characters"; characters: string }
  | { reason: "digits"; digits: number }
  | { reason: "not_norwegian" }
  | { reason: "foreign" };

/** Mobile numbers in E.164; Norwegian numbers may be written with spaces, +47, 0047 or nothing. */
export type PhoneResult =
  | { ok: true; value: string }
  | { ok: false; code: "mobile.invalid"; details: PhoneDetails }
  | { ok: false; code: "mobile.empty" };

/**
 * Eight digits in the Norwegian numbering plan's mobile ranges (libphonenumber's NO mobile pattern),
 * with or without +47: most of what a sheet holds, answered without parsing (a sheet's rows are
 * checked on every read; contact.test.ts holds the two answers equal).
 */
const norwegianMobile = /^(?:\+47)?((?:4[016-8]|9\d)\d{6}|45(?:[0-24-9]\d|3[0-57-9])\d{4})$/;

export function normalizeMobile(input: string, defaultCountry: CountryCode = "NO"): PhoneResult {
  const raw = input.trim();
  if (!raw) return { ok: false, code: "mobile.empty" };
  const cleaned = raw.replace(/[\s().-]/g, "").replace(/^00/, "+");
  if (!/^\+?\d+$/.test(cleaned)) {
    const characters = [...new Set(cleaned.replace(/^\+/, "").replace(/\d/g, ""))].join("");
    return { ok: false, code: "mobile.invalid", details: { reason: "characters", characters } };
  }
  const mobile = defaultCountry === "NO" ? norwegianMobile.exec(cleaned) : null;
  if (mobile) return { ok: true, value: `+47${mobile[1]}` };
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  // Norwegian numbers (+47, or no country code) must exist in the numbering plan; foreign ones need
  // only be possible there. A +47 number outside the plan has no country, so the code decides.
  const home = parsed?.countryCallingCode === getCountryCallingCode(defaultCountry);
  const acceptable = home ? parsed?.isValid() : parsed?.isPossible();
  if (!parsed || !acceptable) {
    if (cleaned.startsWith("+") && !cleaned.startsWith("+47")) {
      return { ok: false, code: "mobile.invalid", details: { reason: "foreign" } };
    }
    const digits = cleaned.replace(/^\+47/, "").length;
    return {
      ok: false,
      code: "mobile.invalid",
      details: digits === 8 ? { reason: "not_norwegian" } : { reason: "digits", digits },
    };
  }
  return { ok: true, value: parsed.number };
}

/** `+4791234567` → `912 34 567`; foreign numbers in their international format. */
export function formatMobile(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "NO" ? parsed.formatNational() : parsed.formatInternational();
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * What was found in an e-mail address that is none, for a message that says so: `too_long` (over
 * 254 characters), `spaces`, `missing_at`, `several_at`, `missing_name` (nothing before the @),
 * `missing_domain` (no domain with a dot after the @, as in `@stud.hvl.no`).
 */
export type EmailDetails = {
  reason: "too_long" | "spaces" | "missing_at" | "several_at" | "missing_name" | "missing_domain";
};

export type EmailResult =
  | { ok: true; value: string }
  | { ok: false; code: "email.invalid"; details: EmailDetails }
  | { ok: false; code: "email.empty" | "email.national_id" };

function emailFault(value: string): EmailDetails["reason"] {
  if (value.length > 254) return "too_long";
  if (/\s/.test(value)) return "spaces";
  const ats = value.split("@").length - 1;
  if (ats === 0) return "missing_at";
  if (ats > 1) return "several_at";
  if (value.startsWith("@")) return "missing_name";
  return "missing_domain";
}

/**
 * Trims and lower-cases; checks the syntax (the student confirms the address later). An address
 * holding a national ID, whole or masked, is none (`email.national_id`), as in the contracts' rule.
 */
export function normalizeEmail(input: string): EmailResult {
  const value = input.trim().toLowerCase();
  if (!value) return { ok: false, code: "email.empty" };
  if (holdsNationalId(value)) return { ok: false, code: "email.national_id" };
  if (value.length > 254 || !emailPattern.test(value)) {
    return { ok: false, code: "email.invalid", details: { reason: emailFault(value) } };
  }
  return { ok: true, value };
}
