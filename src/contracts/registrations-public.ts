import { z } from "zod";
import { dateInput, email, isoDate, languageSchema, text } from "./common.ts";

/**
 * The students' side of registration, without an account: the public campaign, the form, the
 * e-mail confirmation, the personal page, resend, and ID-porten on the form.
 */

// ── The public side (no account) ─────────────────────────────────────────────────────────────

/** What the form needs to know of a campaign; never who registered. */
export const publicCampaignSchema = z.object({
  trustName: z.string(),
  institutionName: z.string(),
  name: z.string(),
  deadline: isoDate,
  /** False after the deadline (or closed early): the form shows why and whom to ask. */
  open: z.boolean(),
  /** Whether the trust accepts synthetic national IDs (test mode): the form checks the same way. */
  testMode: z.boolean(),
  retentionMonths: z.number().int(),
  /** How long a registration that matches no placement is kept after the deadline. */
  unmatchedRetentionDays: z.number().int(),
  studentInfoUrl: z.string().nullable(),
  /** Present when the trust has ID-porten: where "Logg inn med ID-porten" starts. */
  idportenStartUrl: z.string().nullable(),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;

/**
 * A student's registration. Either `nationalId` (fødselsnummer or D-number) or, for a student with
 * neither, `birthDate`, `nationality` and `homeInstitution`. `idportenToken` is the answer of a
 * sign-in with ID-porten: name and national ID then come from it and the typed ones are ignored.
 */
export const publicRegistrationBody = z.object({
  firstName: text(100),
  lastName: text(100),
  email: email(),
  mobile: z.string().trim().min(1).max(40),
  nationalId: z.string().trim().max(40).nullish(),
  birthDate: dateInput.nullish(),
  nationality: z.string().trim().max(100).nullish(),
  homeInstitution: z.string().trim().max(200).nullish(),
  earlierUsername: z.string().trim().max(100).nullish(),
  language: languageSchema,
  privacyAccepted: z.literal(true),
  idportenToken: z.string().max(200).nullish(),
});
export type PublicRegistrationBody = z.input<typeof publicRegistrationBody>;

/** The same answer whether or not the national ID or e-mail was known: check your e-mail. */
export const publicRegistrationResponse = z.object({ ok: z.literal(true), email: z.string() });

/** The student's own page (from the personal link in the e-mail). */
export const publicRegistrationStepSchema = z.enum(["registered", "transferred", "ordered", "ready"]);
export const publicRegistrationSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  emailConfirmed: z.boolean(),
  language: languageSchema,
  /** The furthest step reached: registered → transferred to HR → access ordered → ready. */
  step: publicRegistrationStepSchema,
  trustName: z.string(),
  institutionName: z.string(),
  deadline: isoDate,
  /** Contact details may be corrected until the deadline. */
  editable: z.boolean(),
  studentInfoUrl: z.string().nullable(),
});
export const updatePublicRegistrationBody = z
  .object({ email: email(), mobile: z.string().trim().min(1).max(40), language: languageSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "validation.empty_update" });

export const publicConfirmationResponse = z.object({
  /** `email`: the address is confirmed; `change`: a waiting change to a known registration is applied. */
  confirmed: z.enum(["email", "change"]),
  language: languageSchema,
  studentInfoUrl: z.string().nullable(),
  trustName: z.string(),
});

/** "I didn't get the e-mail" / "I lost my link": the same answer whether or not the address is known. */
export const publicResendBody = z.object({ email: email(), campaignToken: z.string().max(200) });
export const publicResendResponse = z.object({ ok: z.literal(true) });

// ── ID-porten on the public form ────────────────────────────────────────────────────────────────
// `GET /api/public/campaigns/{token}/idporten` redirects to ID-porten (PKCE);
// `GET /api/public/idporten/callback` comes back and redirects to `/registrer/<token>?idporten=<one-time>`;
// `GET /api/public/idporten/{oneTimeToken}` answers what ID-porten verified, for the form to show.
export const idportenIdentitySchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  /** Masked (`010190 *****`). */
  nationalIdMasked: z.string(),
});
export type IdportenIdentity = z.infer<typeof idportenIdentitySchema>;

/**
 * The `idporten-feil` codes the form (`/registrer/<token>?idporten-feil=<code>`) gets when a sign-in
 * with ID-porten did not succeed; the typed form stays usable.
 */
export const idportenFailureCodes = [
  /** The link was used already, expired (10 minutes) or started in another browser: try again. */
  "idporten.state_invalid",
  /** The student cancelled at ID-porten. */
  "idporten.cancelled",
  /** The trust has no ID-porten, or it is unreachable. */
  "idporten.unavailable",
  /** Anything else (refused, the answer did not check out, no valid `pid`). */
  "idporten.failed",
] as const;
export type IdportenFailureCode = (typeof idportenFailureCodes)[number];
