import { normalizeEmail, normalizeMobile } from "../contact.ts";
import { isIsoDate } from "../dates.ts";
import { validateNationalId } from "../national-id.ts";

/**
 * The student's registration form, checked the same way by the web (next to each field) and the
 * server (the answer's `details.issues`). Pure: no I/O.
 *
 * Either a national ID (fødselsnummer or D-number, with the trust's test mode), or for a student
 * with neither the date of birth, nationality and home institution. The mobile number becomes
 * E.164 (default country Norway; foreign numbers are accepted when possible in their country), the
 * e-mail address lower-cased.
 */
export interface RegistrationFormInput {
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  nationalId?: string | null;
  birthDate?: string | null;
  nationality?: string | null;
  homeInstitution?: string | null;
}

export interface RegistrationFormIssue {
  path: string;
  /** An error code with a text under `errors.codes` in the web's languages. */
  message: string;
}

export type RegistrationFormResult =
  | {
      ok: true;
      email: string;
      mobile: string;
      /** The 11 digits, or null for a student without one. */
      nationalId: string | null;
    }
  | { ok: false; issues: RegistrationFormIssue[] };

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === "";

export function checkRegistrationForm(
  input: RegistrationFormInput,
  opts: { testMode: boolean },
): RegistrationFormResult {
  const issues: RegistrationFormIssue[] = [];
  if (blank(input.firstName)) issues.push({ path: "firstName", message: "registration.required" });
  if (blank(input.lastName)) issues.push({ path: "lastName", message: "registration.required" });
  const email = normalizeEmail(input.email);
  if (!email.ok) issues.push({ path: "email", message: email.code });
  const mobile = normalizeMobile(input.mobile);
  if (!mobile.ok) issues.push({ path: "mobile", message: mobile.code });
  let nationalId: string | null = null;
  if (!blank(input.nationalId)) {
    const result = validateNationalId(input.nationalId as string, opts);
    if (result.ok) nationalId = result.value;
    else issues.push({ path: "nationalId", message: result.code });
  } else {
    if (blank(input.birthDate)) issues.push({ path: "birthDate", message: "registration.national_id_or_birth_date" });
    else if (!isIsoDate(input.birthDate as string)) issues.push({ path: "birthDate", message: "date.invalid" });
    if (blank(input.nationality)) issues.push({ path: "nationality", message: "registration.required" });
    if (blank(input.homeInstitution)) issues.push({ path: "homeInstitution", message: "registration.required" });
  }
  if (issues.length > 0 || !email.ok || !mobile.ok) return { ok: false, issues };
  return { ok: true, email: email.value, mobile: mobile.value, nationalId };
}
