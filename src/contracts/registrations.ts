import { z } from "zod";
import { dateInput, email, isoDate, languageSchema, text, uuidSchema } from "./common.ts";

/**
 * Student registration (SPEC §3.1, seed 5.1): FOU's campaigns with a public link and a deadline, the
 * students' public form, e-mail confirmation and the personal page, matching registrations to the
 * persons of the overviews' rows, and the HR transfer. Dates are `YYYY-MM-DD` in Europe/Oslo;
 * moments ISO date-times. Lists are paged with `limit`/`offset` and return `total`.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const sortDirection = z.enum(["asc", "desc"]).default("asc");

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────

/** `open` until 23:59 Europe/Oslo on the deadline date; `closed` early by FOU or past the deadline. */
export const campaignStateSchema = z.enum(["open", "closed"]);
export type CampaignState = z.infer<typeof campaignStateSchema>;

export const campaignSchema = z.object({
  id: uuidSchema,
  institutionId: uuidSchema,
  institutionName: z.string(),
  /** The document and sheet the campaign is for, when tied to one. */
  overviewId: uuidSchema.nullable(),
  overviewName: z.string().nullable(),
  sheetId: uuidSchema.nullable(),
  sheetName: z.string().nullable(),
  name: z.string(),
  deadline: isoDate,
  state: campaignStateSchema,
  closedAt: z.string().nullable(),
  /** The public link to hand to the coordinator (`PUBLIC_URL/registrer/<token>`). */
  publicUrl: z.string(),
  /** Registrations by state (a registration with an unconfirmed e-mail counts as not registered). */
  counts: z.object({
    unconfirmed: z.number().int(),
    confirmed: z.number().int(),
    matched: z.number().int(),
    transferred: z.number().int(),
  }),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const createCampaignBody = z.object({
  institutionId: uuidSchema,
  overviewId: uuidSchema.nullish(),
  sheetId: uuidSchema.nullish(),
  /** Defaults to the institution's short name and the deadline's term. */
  name: text(160).optional(),
  deadline: dateInput,
});
export type CreateCampaignBody = z.input<typeof createCampaignBody>;

/** Extend (or move) the deadline, or close early (`closed: true`); reopening is `closed: false`. */
export const updateCampaignBody = z
  .object({ deadline: dateInput, closed: z.boolean(), name: text(160) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "validation.empty_update" });

export const campaignSortSchema = z.enum(["deadline", "name", "institution", "created"]);
export const campaignsQuery = z.object({
  institutionId: uuidSchema.optional(),
  state: campaignStateSchema.optional(),
  /** Part of the campaign's or institution's name. */
  q: z.string().trim().max(100).optional(),
  sort: campaignSortSchema.default("deadline"),
  dir: sortDirection,
  ...page,
});
export const campaignListSchema = z.object({ items: z.array(campaignSchema), total: z.number().int() });

/** A link for one late student that works after the deadline (shown once: only its hash is kept). */
export const createPersonalLinkBody = z.object({
  /** Whom it is for, so FOU knows later (not shown to the student). */
  note: text(200),
  /** The last day it works (Europe/Oslo, until 23:59); at most 60 days ahead. */
  validUntil: dateInput,
});
export const personalLinkSchema = z.object({
  id: uuidSchema,
  note: z.string(),
  validUntil: isoDate,
  /** Only in the answer that creates it. */
  url: z.string(),
  usedAt: z.string().nullable(),
});

// ── Registrations (FOU and coordinators) ─────────────────────────────────────────────────────

/**
 * - `unconfirmed`: the e-mail address is not confirmed yet (counts as not registered);
 * - `confirmed`: confirmed, matched to no person with rows yet;
 * - `matched`: belongs to a person with placement rows;
 * - `transferred`: the person is transferred to the HR system (their Registrert cells are green).
 */
export const registrationStateSchema = z.enum(["unconfirmed", "confirmed", "matched", "transferred"]);
export type RegistrationState = z.infer<typeof registrationStateSchema>;

/** How a registration got its person: automatically by a key, by hand, or none yet. */
export const matchedBySchema = z.enum(["national_id", "email", "name_birth_date", "manual"]);
export type MatchedBy = z.infer<typeof matchedBySchema>;

/** Where a registration came from. */
export const registrationSourceSchema = z.enum(["form", "idporten", "personal_link", "webcruiter"]);

export const registrationSchema = z.object({
  id: uuidSchema,
  campaignId: uuidSchema,
  state: registrationStateSchema,
  source: registrationSourceSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  /** Masked (`010190 *****`); never in full here. */
  nationalIdMasked: z.string().nullable(),
  birthDate: isoDate.nullable(),
  nationality: z.string().nullable(),
  homeInstitution: z.string().nullable(),
  earlierUsername: z.string().nullable(),
  language: languageSchema,
  personId: uuidSchema.nullable(),
  matchedBy: matchedBySchema.nullable(),
  /**
   * Why the registration may not be transferred yet although matched: its e-mail differs from the
   * e-mail on the person's rows and nobody has confirmed it (FOU, the rows' address, or ID-porten).
   */
  needsConfirmation: z.boolean(),
  /** Name and national ID came from ID-porten. */
  verified: z.boolean(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationSortSchema = z.enum(["name", "created", "state"]);
export const registrationsQuery = z.object({
  state: registrationStateSchema.optional(),
  /** Only those with no person yet (FOU's matching view). */
  unmatched: z.coerce.boolean().optional(),
  /** Part of the name or e-mail. */
  q: z.string().trim().max(100).optional(),
  sort: registrationSortSchema.default("name"),
  dir: sortDirection,
  ...page,
});
export const registrationListSchema = z.object({ items: z.array(registrationSchema), total: z.number().int() });

/** A manual match: to a person, or to a row (its person). */
export const matchRegistrationBody = z.union([
  z.object({ personId: uuidSchema }).strict(),
  z.object({ rowId: uuidSchema }).strict(),
]);

// ── HR transfer ──────────────────────────────────────────────────────────────────────────────

export const hrTransferFormatSchema = z.enum(["xlsx", "csv"]);
export const hrTransferExportBody = z.object({
  personIds: z.array(uuidSchema).min(1).max(2000),
  format: hrTransferFormatSchema,
});
/** The export's file comes as the body (`Content-Disposition`); its id in the `x-export-id` header. */
export const hrTransferMarkBody = z.object({ exportId: uuidSchema });
export const hrTransferMarkResponse = z.object({ marked: z.number().int() });

/** The columns of the HR transfer file, in the trust's order (a trust setting). */
export const hrTransferColumns = [
  "lastName",
  "firstName",
  "nationalId",
  "birthDate",
  "email",
  "mobile",
  "earlierUsername",
  "institution",
  "programme",
  "placementStart",
  "placementEnd",
  "placementSite",
] as const;
export const hrTransferColumnSchema = z.enum(hrTransferColumns);
export type HrTransferColumn = z.infer<typeof hrTransferColumnSchema>;
/** A trust that has not chosen its columns gets all of them, in this order. */
export const defaultHrTransferColumns: readonly HrTransferColumn[] = hrTransferColumns;

// ── Webcruiter import ────────────────────────────────────────────────────────────────────────

/** The fields a Webcruiter applicant export can give; each is read from the column header the trust maps it to. */
export const webcruiterFields = [
  "firstName",
  "lastName",
  "email",
  "mobile",
  "nationalId",
  "birthDate",
  "nationality",
  "homeInstitution",
  "earlierUsername",
] as const;
export type WebcruiterField = (typeof webcruiterFields)[number];
/** Which header of the applicant export holds each field; names, e-mail and mobile are required. */
export const webcruiterColumnsSchema = z
  .object({
    firstName: text(100),
    lastName: text(100),
    email: text(100),
    mobile: text(100),
    nationalId: text(100).optional(),
    birthDate: text(100).optional(),
    nationality: text(100).optional(),
    homeInstitution: text(100).optional(),
    earlierUsername: text(100).optional(),
  })
  .strict();
export type WebcruiterColumns = z.infer<typeof webcruiterColumnsSchema>;
/** Webcruiter's Norwegian headers, for a trust that has not mapped its own. */
export const defaultWebcruiterColumns: WebcruiterColumns = {
  firstName: "Fornavn",
  lastName: "Etternavn",
  email: "E-post",
  mobile: "Mobil",
  nationalId: "Fødselsnummer",
  birthDate: "Fødselsdato",
  nationality: "Nasjonalitet",
  homeInstitution: "Utdanningsinstitusjon",
  earlierUsername: "Tidligere brukernavn",
};

export const webcruiterImportQuery = z.object({
  dryRun: z.coerce.boolean().default(false),
  /** The campaign the applicants registered for (its institution scopes the weak keys). */
  campaignId: uuidSchema,
});
export const webcruiterImportReportSchema = z.object({
  dryRun: z.boolean(),
  lines: z.number().int(),
  created: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), field: z.string(), code: z.string() })),
});

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

// ── FOU's matching view, confirmation, HR transfer lists (not stable endpoints; the web's) ─────

/** A placement row of the campaign's institution whose person has no registration yet. */
export const unregisteredRowSchema = z.object({
  rowId: uuidSchema,
  personId: uuidSchema.nullable(),
  overviewId: uuidSchema,
  sheetId: uuidSchema,
  sheetName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  birthDate: isoDate.nullable(),
  placementStart: isoDate.nullable(),
});
export type UnregisteredRow = z.infer<typeof unregisteredRowSchema>;

/**
 * `GET /api/registrations/matching?campaignId=`: the campaign's registrations with no person (or not
 * yet confirmed by FOU where `needsConfirmation`) beside the rows still without a registration; each
 * registration with up to three rows suggested by name similarity (score 0–1, best first).
 */
export const matchingQuery = z.object({
  campaignId: uuidSchema,
  q: z.string().trim().max(100).optional(),
  ...page,
});
export const matchingViewSchema = z.object({
  registrations: z.object({
    items: z.array(
      registrationSchema.extend({
        suggestions: z.array(z.object({ row: unregisteredRowSchema, score: z.number() })),
      }),
    ),
    total: z.number().int(),
  }),
  rows: z.object({ items: z.array(unregisteredRowSchema), total: z.number().int() }),
});
export type MatchingView = z.infer<typeof matchingViewSchema>;

/**
 * `GET /api/campaigns/{id}/missing`: the students expected to register (rows on the campaign's sheet,
 * or on the institution's sheets starting after the campaign opened) who have not (coordinators' view).
 */
export const missingStudentsQuery = z.object({ q: z.string().trim().max(100).optional(), ...page });
export const missingStudentsSchema = z.object({ items: z.array(unregisteredRowSchema), total: z.number().int() });

/**
 * `GET /api/hr-transfer/ready`: persons registered (e-mail confirmed, matched, nothing to confirm) and
 * not yet transferred, for FOU to select and export.
 */
export const hrTransferReadyQuery = z.object({
  institutionId: uuidSchema.optional(),
  campaignId: uuidSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["name", "registered", "start"]).default("name"),
  dir: sortDirection,
  ...page,
});
export const hrTransferReadyPersonSchema = z.object({
  personId: uuidSchema,
  registrationId: uuidSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  institutionName: z.string(),
  /** The earliest start of the person's rows that have not ended. */
  placementStart: isoDate.nullable(),
  registeredAt: z.string(),
});
export const hrTransferReadySchema = z.object({
  items: z.array(hrTransferReadyPersonSchema),
  total: z.number().int(),
});

/** `GET /api/hr-transfer/exports`: the files downloaded, newest first, with whether they are marked. */
export const hrTransferExportSchema = z.object({
  id: uuidSchema,
  format: hrTransferFormatSchema,
  persons: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export const hrTransferExportsQuery = z.object({ ...page });
export const hrTransferExportListSchema = z.object({
  items: z.array(hrTransferExportSchema),
  total: z.number().int(),
});

// `POST /api/registrations/{id}/confirm` (FOU): confirms a registration whose e-mail differs from the
// rows' (or a waiting change to a known registration); answers the registration.

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
