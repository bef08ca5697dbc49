import type { PublicRegistrationBody } from "../../../../contracts/registrations-public.ts";
import type { Language } from "../../../../contracts/vocabulary.ts";
import { normalizeEmail, normalizeMobile } from "../../../../domain/contact.ts";
import { parseDate } from "../../../../domain/dates.ts";
import { holdsNationalId } from "../../../../domain/free-text.ts";
import { validateNationalId } from "../../../../domain/national-id.ts";

/** What the student has typed, as the form holds it (dates as `dd.mm.yyyy`). */
export type RegistrationInput = {
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  /** Whether the student has a Norwegian national ID or D-number. */
  hasNationalId: boolean;
  nationalId: string;
  birthDate: string;
  nationality: string;
  homeInstitution: string;
  earlierUsername: string;
  privacyAccepted: boolean;
};

export const emptyRegistration: RegistrationInput = {
  firstName: "",
  lastName: "",
  email: "",
  mobile: "",
  hasNationalId: true,
  nationalId: "",
  birthDate: "",
  nationality: "",
  homeInstitution: "",
  earlierUsername: "",
  privacyAccepted: false,
};

/** A field's problem: a code with its text under `overviews.problems` or `registration.problems`, and what was found. */
export type FieldProblem = {
  code: string;
  details?: { reason: string; digits?: number; characters?: string; dateDigits?: string };
};

/** The request's fields, in the form's order (the error summary lists them so). */
export const registrationFields = [
  "firstName",
  "lastName",
  "email",
  "mobile",
  "nationalId",
  "birthDate",
  "nationality",
  "homeInstitution",
  "earlierUsername",
  "privacyAccepted",
] as const;
export type RegistrationField = (typeof registrationFields)[number];

const required = (value: string, max: number): FieldProblem | null => {
  if (!value.trim()) return { code: "registration.required" };
  return value.trim().length > max ? { code: "registration.too_long" } : null;
};

/**
 * The form's checks, the same rules as the server's where the domain has them (national ID with the
 * trust's test mode, mobile number to E.164, e-mail syntax, a date the calendar has). With no
 * problems, the request's body; ID-porten's identity replaces the typed name and national ID.
 */
export function checkRegistration(
  input: RegistrationInput,
  options: { testMode: boolean; language: Language; idportenToken: string | null },
): { problems: Partial<Record<RegistrationField, FieldProblem>>; body: PublicRegistrationBody | null } {
  const problems: Partial<Record<RegistrationField, FieldProblem>> = {};
  const verified = Boolean(options.idportenToken);
  if (!verified) {
    const first = required(input.firstName, 100);
    if (first) problems.firstName = first;
    const last = required(input.lastName, 100);
    if (last) problems.lastName = last;
  }
  const email = normalizeEmail(input.email);
  if (!email.ok) problems.email = { code: email.code, details: "details" in email ? email.details : undefined };
  const mobile = normalizeMobile(input.mobile);
  if (!mobile.ok) problems.mobile = { code: mobile.code, details: "details" in mobile ? mobile.details : undefined };

  let nationalId: string | null = null;
  let birthDate: string | null = null;
  if (verified) {
    // The number comes from ID-porten.
  } else if (input.hasNationalId) {
    const id = validateNationalId(input.nationalId, { testMode: options.testMode });
    if (id.ok) nationalId = id.value;
    else problems.nationalId = { code: id.code, details: id.details };
  } else {
    if (!input.birthDate.trim()) problems.birthDate = { code: "date.empty" };
    else {
      birthDate = parseDate(input.birthDate);
      if (!birthDate) problems.birthDate = { code: "date.invalid" };
    }
    const nationality = required(input.nationality, 100);
    if (nationality) problems.nationality = nationality;
    const home = required(input.homeInstitution, 200);
    if (home) problems.homeInstitution = home;
  }
  const username = input.earlierUsername.trim();
  if (username && holdsNationalId(username)) problems.earlierUsername = { code: "previous_username.national_id" };
  else if (username.length > 100) problems.earlierUsername = { code: "registration.too_long" };
  if (!input.privacyAccepted) problems.privacyAccepted = { code: "registration.privacy_required" };

  if (Object.keys(problems).length > 0 || !email.ok || !mobile.ok) return { problems, body: null };
  const withoutId = !verified && !input.hasNationalId;
  return {
    problems,
    body: {
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email: email.value,
      mobile: mobile.value,
      nationalId,
      birthDate: withoutId ? birthDate : null,
      nationality: withoutId ? input.nationality.trim() : null,
      homeInstitution: withoutId ? input.homeInstitution.trim() : null,
      earlierUsername: username || null,
      language: options.language,
      privacyAccepted: true,
      idportenToken: options.idportenToken,
    },
  };
}
