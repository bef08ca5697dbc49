import { idnr } from "@navikt/fnrvalidator";

/**
 * Norwegian national identity numbers (fødselsnummer, D-number, H-number, synthetic test numbers),
 * validated by @navikt/fnrvalidator behind this one wrapper. Pure: no I/O, used by server and web.
 *
 * The library checks both check digits, including the rule for numbers issued from 2032 (the first
 * check digit may then be any of the values that leave a remainder of 0, 1, 2 or 3 — Skatteetaten,
 * "Nye fødselsnummer og d-nummer fra 2032"; the second check digit is unchanged), and the date in the
 * first six digits. What it calls the kinds:
 *   fnr          fødselsnummer
 *   dnr          D-number: day + 40
 *   hnr          H-number (month + 40); NAV's synthetic test numbers (Dolly) use the same + 40
 *   tnr          synthetic test number of Skatteetaten's Test Norge / Tenor (month + 80)
 *   dnr-and-hnr  NAV synthetic D-number (day + 40, month + 40)
 *   dnr-and-tnr  Tenor synthetic D-number (day + 40, month + 80)
 */

export type NationalIdKind = "fnr" | "dnr" | "hnr" | "synthetic";

export type NationalIdWarning = "national_id.leading_zero_restored";

export const nationalIdErrors = [
  "national_id.empty",
  "national_id.not_digits",
  "national_id.wrong_length",
  "national_id.checksum",
  "national_id.invalid_date",
  "national_id.test_number_not_allowed",
] as const;
export type NationalIdError = (typeof nationalIdErrors)[number];

export type NationalIdResult =
  | {
      ok: true;
      /** The number as 11 digits, no spaces. */
      value: string;
      kind: NationalIdKind;
      /** Whether the number is a D-number (day + 40), real or synthetic. */
      dNumber: boolean;
      warnings: NationalIdWarning[];
    }
  | { ok: false; code: NationalIdError; details?: NationalIdDetails };

/**
 * What was found in a number that fails, for a message that says so (never the personal digits):
 *   digits        the number has `digits` digits, not 11 (`national_id.wrong_length`)
 *   characters    it holds the non-digit `characters`, each once (`national_id.not_digits`)
 *   date_digits   its first six digits, `dateDigits`, are no date (`national_id.invalid_date`)
 *   leading_zero  it has 10 digits, and with the zero Excel may have dropped it still fails
 *                 (`national_id.checksum`, or `.invalid_date` with `dateDigits`)
 * The first six digits are what the mask `010190 *****` shows anyway.
 */
export type NationalIdDetails =
  | { reason: "digits"; digits: number }
  | { reason: "characters"; characters: string }
  | { reason: "date_digits"; dateDigits: string }
  | { reason: "leading_zero"; digits: 10; dateDigits?: string };

const libraryKinds = {
  fnr: { kind: "fnr", dNumber: false },
  dnr: { kind: "dnr", dNumber: true },
  hnr: { kind: "hnr", dNumber: false },
  tnr: { kind: "synthetic", dNumber: false },
  "dnr-and-hnr": { kind: "synthetic", dNumber: true },
  "dnr-and-tnr": { kind: "synthetic", dNumber: true },
} as const satisfies Record<string, { kind: NationalIdKind; dNumber: boolean }>;

/** Kinds that exist only in test data (or as hospital-internal H-numbers): accepted in test mode only. */
const testKinds: ReadonlySet<NationalIdKind> = new Set(["hnr", "synthetic"]);

type Normalized =
  | { ok: true; digits: string; warnings: NationalIdWarning[] }
  | { ok: false; code: NationalIdError; details?: NationalIdDetails };

/** The characters of `text` that are not digits, each once, in the order they first appear. */
const nonDigits = (text: string) => [...new Set(text.replace(/\d/g, ""))].join("");

/**
 * Trims, accepts "DDMMYY NNNNN" with one space, and gives a 10-digit value its leading zero back:
 * Excel stores a number typed as 01019012345 as 1019012345.
 */
function normalize(input: string | number): Normalized {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input < 0) {
      return {
        ok: false,
        code: "national_id.not_digits",
        details: { reason: "characters", characters: nonDigits(String(input)) },
      };
    }
    text = String(input);
  } else {
    text = input.trim();
    if (/^\d{6}[ \u00a0]\d{5}$/.test(text)) text = text.slice(0, 6) + text.slice(7);
  }
  if (text === "") return { ok: false, code: "national_id.empty" };
  if (!/^\d+$/.test(text)) {
    return {
      ok: false,
      code: "national_id.not_digits",
      details: { reason: "characters", characters: nonDigits(text) },
    };
  }
  if (text.length === 10) return { ok: true, digits: `0${text}`, warnings: ["national_id.leading_zero_restored"] };
  if (text.length !== 11) {
    return { ok: false, code: "national_id.wrong_length", details: { reason: "digits", digits: text.length } };
  }
  return { ok: true, digits: text, warnings: [] };
}

/**
 * Validates a national ID as typed or read from a workbook. H-numbers and synthetic test numbers
 * pass only with `testMode` (the trust's test mode). When both the check digits and the date are
 * wrong, the code is `national_id.checksum`. A fault carries `details` when there is more to say
 * than its code (how many digits, which characters, which date).
 */
export function validateNationalId(input: string | number, options: { testMode: boolean }): NationalIdResult {
  const normalized = normalize(input);
  if (!normalized.ok) return normalized;
  const { digits, warnings } = normalized;
  const result = idnr(digits);
  if (result.status === "invalid") {
    const restored = warnings.includes("national_id.leading_zero_restored");
    const dateDigits = digits.slice(0, 6);
    if (result.reasons.includes("checksums don't match")) {
      return restored
        ? { ok: false, code: "national_id.checksum", details: { reason: "leading_zero", digits: 10 } }
        : { ok: false, code: "national_id.checksum" };
    }
    if (result.reasons.includes("invalid date")) {
      return {
        ok: false,
        code: "national_id.invalid_date",
        details: restored ? { reason: "leading_zero", digits: 10, dateDigits } : { reason: "date_digits", dateDigits },
      };
    }
    return { ok: false, code: "national_id.wrong_length" };
  }
  const { kind, dNumber } = libraryKinds[result.type];
  if (testKinds.has(kind) && !options.testMode) return { ok: false, code: "national_id.test_number_not_allowed" };
  return { ok: true, value: digits, kind, dNumber, warnings };
}

/**
 * Whether 11 digits carry valid check digits (2032 rule included), whatever their kind or date.
 * For finding national IDs in free text (the logger); not for accepting input.
 */
export function hasValidNationalIdChecksum(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const result = idnr(digits);
  return result.status === "valid" || !result.reasons.includes("checksums don't match");
}

/** `010190 *****`: the birth-date digits, never the personal number. Anything else is fully masked. */
export function maskNationalId(value: string): string {
  const digits = value.replace(/[ \u00a0]/g, "");
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 6)} *****` : "***********";
}

/**
 * The birth date (`YYYY-MM-DD`) a valid fødselsnummer, D-number or synthetic number encodes, the
 * century read from the individual number; null when the digits encode no date. A best guess for
 * matching: numbers issued from 2032 need not follow these rules, and the population register is
 * the authority on a person's birth date.
 */
export function birthDateFromNationalId(value: string): string | null {
  if (!/^\d{11}$/.test(value)) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;

  let century: number | null = null;
  if (individual <= 499) century = 1900;
  else if (individual >= 900 && yy >= 40) century = 1900;
  else if (yy <= 39) century = 2000;
  else if (individual <= 749 && yy >= 54) century = 1800;
  if (century === null) return null;

  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
