import { z } from "zod";
import { isoDate, pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";

/**
 * The HR transfer (SPEC §3.1 step 5): the persons ready for it, the file FOU downloads (columns in the
 * trust's order, a trust setting) and marking its persons transferred; and the trust's mapping of
 * Webcruiter's applicant export columns.
 */

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
