import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { holdsNationalId } from "./free-text.ts";

/** Mobile numbers in E.164; Norwegian numbers may be written with spaces, +47, 0047 or nothing. */
export type PhoneResult = { ok: true; value: string } | { ok: false; code: "mobile.invalid" | "mobile.empty" };

export function normalizeMobile(input: string, defaultCountry: CountryCode = "NO"): PhoneResult {
  const raw = input.trim();
  if (!raw) return { ok: false, code: "mobile.empty" };
  const cleaned = raw.replace(/[\s().-]/g, "").replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  // Norwegian numbers must exist in the numbering plan; foreign ones need only be possible there.
  const acceptable = parsed?.country === defaultCountry ? parsed.isValid() : parsed?.isPossible();
  if (!parsed || !acceptable) return { ok: false, code: "mobile.invalid" };
  return { ok: true, value: parsed.number };
}

/** `+4791234567` → `912 34 567`; foreign numbers in their international format. */
export function formatMobile(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "NO" ? parsed.formatNational() : parsed.formatInternational();
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export type EmailResult =
  | { ok: true; value: string }
  | { ok: false; code: "email.invalid" | "email.empty" | "email.national_id" };

/**
 * Trims and lower-cases; checks the syntax (the student confirms the address later). An address
 * holding a national ID, whole or masked, is none (`email.national_id`), as in the contracts' rule.
 */
export function normalizeEmail(input: string): EmailResult {
  const value = input.trim().toLowerCase();
  if (!value) return { ok: false, code: "email.empty" };
  if (holdsNationalId(value)) return { ok: false, code: "email.national_id" };
  if (value.length > 254 || !emailPattern.test(value)) return { ok: false, code: "email.invalid" };
  return { ok: true, value };
}
