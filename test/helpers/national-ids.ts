/**
 * National IDs for tests, computed here rather than copied from anywhere: never a real person's
 * number. Use synthetic kinds (month + 80, Skatteetaten's Test Norge series) or birth dates in the
 * future (nobody has them yet), as `testNationalId` does by default.
 */

import { withCheckDigits } from "../../src/domain/check-digits.ts";

export type TestIdKind = "fnr" | "dnr" | "hnr" | "tnr" | "dnr-and-hnr" | "dnr-and-tnr";

export interface TestIdParts {
  year: number;
  month: number;
  day: number;
  /** 0–999; must fit the century of `year` (000–499: 1900s, 500–999: 2000–2039). */
  individual: number;
  kind?: TestIdKind;
  rest?: 0 | 1 | 2 | 3;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The nine digits before the check digits for a birth date, individual number and kind. */
export function nineDigits({ year, month, day, individual, kind = "fnr" }: TestIdParts): string {
  const dayShift = kind.startsWith("dnr") ? 40 : 0;
  const monthShift = kind === "hnr" || kind === "dnr-and-hnr" ? 40 : kind === "tnr" || kind === "dnr-and-tnr" ? 80 : 0;
  return `${pad2(day + dayShift)}${pad2(month + monthShift)}${pad2(year % 100)}${String(individual).padStart(3, "0")}`;
}

/**
 * The first valid number at or after `individual` for these parts (the individual number is
 * stepped until check digits fit). Defaults: a fødselsnummer born 14.03.2035.
 */
export function testNationalId(parts: Partial<TestIdParts> = {}): string {
  const p: TestIdParts = { year: 2035, month: 3, day: 14, individual: 500, ...parts };
  for (let individual = p.individual; individual < p.individual + 50; individual++) {
    const value = withCheckDigits(nineDigits({ ...p, individual }), p.rest ?? 0);
    if (value) return value;
  }
  throw new Error("no check digits fit");
}

const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A text with its UUIDs left out, for looking for eleven digits in a row: a link's or a line's id
 * may hold them (`…-09502228456a`, about one UUID in a hundred), and is no national ID.
 */
export const withoutIds = (text: string) => text.replace(uuids, "<id>");
