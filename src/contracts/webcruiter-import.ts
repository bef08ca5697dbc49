import { z } from "zod";
import { uuidSchema } from "./common.ts";
import { webcruiterFields } from "./hr-transfer.ts";
import { matchedBySchema } from "./registrations.ts";

/**
 * Webcruiter's applicant export (SPEC §3.1, seed 5.1): a trust that keeps Webcruiter uploads the
 * export (.xlsx or .csv) for a campaign instead of the students' form. Its columns are mapped once per
 * trust (a trust setting, Webcruiter's own headers by default); each row is checked as the form is,
 * reported, and saved as a registration only when the report is asked to be saved.
 */

// ── The trust's column mapping (its schema and default are in hr-transfer.ts, with the trust settings') ──

export const webcruiterFieldSchema = z.enum(webcruiterFields);
/** The fields whose column the file must have. */
export const requiredWebcruiterFields = ["firstName", "lastName", "email", "mobile"] as const;

// ── POST /api/webcruiter-import ──────────────────────────────────────────────────────────────

/** `?campaignId=&dryRun=true`, with the file as the multipart part `file`. */
export const webcruiterImportQuery = z.object({
  /** The campaign the applicants registered for: its institution scopes the weak matching keys. */
  campaignId: uuidSchema,
  /** Only report; nothing is saved. */
  dryRun: z.stringbool().optional(),
});

/**
 * What became of a row: `created` a new registration (and, with a national ID nobody has, a new
 * person), `matched` a new registration of a known person (`matchedBy` says by which key),
 * `already_registered` the campaign has the applicant already (by national ID or e-mail; nothing is
 * saved), `skipped` the row has problems and nothing of it is saved.
 */
export const webcruiterOutcomeSchema = z.enum(["created", "matched", "already_registered", "skipped"]);
export type WebcruiterOutcome = z.infer<typeof webcruiterOutcomeSchema>;

export const webcruiterProblemSchema = z.object({
  field: webcruiterFieldSchema,
  /** The header of the field's column as the file has it; null when the file lacks the column. */
  column: z.string().nullable(),
  /** A code with a text under `errors.codes` (the form's codes: `email.invalid`, `national_id.checksum` …). */
  code: z.string(),
});

export const webcruiterRowReportSchema = z.object({
  /** The row's number in the file (1-based, as Excel shows it). */
  rowNumber: z.number().int(),
  /** "Etternavn, Fornavn" as the file has them. */
  name: z.string(),
  email: z.string(),
  outcome: webcruiterOutcomeSchema,
  matchedBy: matchedBySchema.nullable(),
  /**
   * Saved, but it makes nobody registered until FOU confirms it: a known national ID with another
   * e-mail address than the one on record (the form's rule against hijacking a registration).
   */
  waitsForConfirmation: z.boolean(),
  problems: z.array(webcruiterProblemSchema),
});

export const webcruiterImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** True when the registrations were saved (never on a dry run). */
  saved: z.boolean(),
  /** Rows with content below the header row. */
  rowsRead: z.number().int(),
  totals: z.object({
    created: z.number().int(),
    matched: z.number().int(),
    alreadyRegistered: z.number().int(),
    skipped: z.number().int(),
    waitsForConfirmation: z.number().int(),
  }),
  rows: z.array(webcruiterRowReportSchema),
  /** Mapped columns of optional fields that the file lacks: those fields are not read. */
  missingColumns: z.array(z.object({ field: webcruiterFieldSchema, header: z.string() })),
});
export type WebcruiterImportReport = z.infer<typeof webcruiterImportReportSchema>;
