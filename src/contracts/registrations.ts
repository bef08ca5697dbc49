import { z } from "zod";
import { dateInput, isoDate, languageSchema, pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";

/**
 * Student registration (SPEC §3.1, seed 5.1): FOU's campaigns with a public link and a deadline, the
 * registrations, and FOU's matching of them to the persons of the overviews' rows. The public side
 * is `registrations-public.ts`, the HR transfer `hr-transfer.ts`. Dates are `YYYY-MM-DD` in
 * Europe/Oslo; moments ISO date-times. Lists are paged with `limit`/`offset` and return `total`.
 */

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
