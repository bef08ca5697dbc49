import { z } from "zod";
import { email, languageSchema, optionalUrl, text, uuidSchema } from "./common.ts";
import { hrTransferColumnSchema, webcruiterColumnsSchema } from "./hr-transfer.ts";
import { portalColumnSchema, statusReportColumnsSchema } from "./orders.ts";

/** The placeholders each naming pattern must keep: they tell documents or sheets apart. */
export const namingPlaceholders = {
  namingDocument: ["{programme}", "{cohort}"],
  namingSheet: ["{n}"],
  namingInternationalSheet: ["{n}"],
  namingFile: ["{programme}", "{cohort}"],
} as const;

const namingPattern = (required: readonly string[]) =>
  text(120).refine((v) => required.every((p) => v.includes(p)), {
    message: `The pattern must contain ${required.join(" and ")}.`,
  });

/** Whether an accessibility contact is a web address (else it is an e-mail address). */
export const isWebAddress = (contact: string) => /^https?:\/\//i.test(contact);

/**
 * Whom people tell about accessibility problems (the accessibility statement shows it): an e-mail
 * address or an http(s) web address; empty or null clears it.
 */
const accessibilityContactInput = () =>
  z
    .union([email(), z.url({ protocol: /^https?$/ }).max(500), z.literal("")])
    .nullable()
    .transform((v) => v || null);

export const trustSettingsSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  testMode: z.boolean(),
  deadlineDays: z.number().int(),
  defaultLanguage: languageSchema,
  studentInfoUrl: z.string().nullable(),
  itHelpUrl: z.string().nullable(),
  learningPortalEmail: z.string().nullable(),
  accessibilityContact: z.string().nullable(),
  retentionMonths: z.number().int(),
  dNumberNeedsManualUser: z.boolean(),
  /** The naming standard (SPEC §3.6): patterns with {institution}, {programme}, {cohort}, {label} and {n}. */
  namingDocument: z.string(),
  namingSheet: z.string(),
  namingInternationalSheet: z.string(),
  namingFile: z.string(),
  /** Registrations that never match a placement row are deleted this many days after their campaign's deadline. */
  unmatchedRegistrationDays: z.number().int(),
  /** The HR transfer file's columns in order (the default when the trust has chosen none). */
  hrTransferColumns: z.array(hrTransferColumnSchema),
  /** Which header of Webcruiter's applicant export holds each field (Webcruiter's own headers by default). */
  webcruiterColumns: webcruiterColumnsSchema,
  /** Orders: a placement starting sooner than this many days after ordering is warned about (the IT provider's lead time). */
  orderLeadDays: z.number().int(),
  /** The ordering portal file's columns in order (the default when the trust has chosen none). */
  portalColumns: z.array(portalColumnSchema),
  /** Which header of the portal's status report holds each field (the default names when not set). */
  portalStatusColumns: statusReportColumnsSchema,
  /** Whether the app e-mails students their username; else Helse Vest IKT's own systems do. */
  appSendsUsernames: z.boolean(),
  /** The username e-mail is sent this many days before the placement starts. */
  usernameDaysBefore: z.number().int(),
  /** FOU may extend a placement to at most this many days past its sheet's period. */
  extensionMaxDays: z.number().int(),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;

export const updateTrustSettingsBody = z
  .object({
    testMode: z.boolean(),
    deadlineDays: z.number().int().min(0).max(180),
    defaultLanguage: languageSchema,
    studentInfoUrl: optionalUrl(),
    itHelpUrl: optionalUrl(),
    learningPortalEmail: z
      .union([email(), z.literal("")])
      .nullable()
      .transform((v) => v || null),
    accessibilityContact: accessibilityContactInput(),
    retentionMonths: z.number().int().min(1).max(120),
    dNumberNeedsManualUser: z.boolean(),
    namingDocument: namingPattern(namingPlaceholders.namingDocument),
    namingSheet: namingPattern(namingPlaceholders.namingSheet),
    namingInternationalSheet: namingPattern(namingPlaceholders.namingInternationalSheet),
    namingFile: namingPattern(namingPlaceholders.namingFile).refine((v) => v.toLowerCase().endsWith(".xlsx"), {
      message: "The file name ends with .xlsx.",
    }),
    unmatchedRegistrationDays: z.number().int().min(1).max(730),
    /** Each column once; null goes back to the default. */
    hrTransferColumns: z
      .array(hrTransferColumnSchema)
      .min(1)
      .refine((v) => new Set(v).size === v.length, { message: "validation.duplicate" })
      .nullable(),
    /** Null goes back to Webcruiter's own headers. */
    webcruiterColumns: webcruiterColumnsSchema.nullable(),
    orderLeadDays: z.number().int().min(0).max(90),
    /** Each column once; null goes back to the default. */
    portalColumns: z
      .array(portalColumnSchema)
      .min(1)
      .refine((v) => new Set(v).size === v.length, { message: "validation.duplicate" })
      .nullable(),
    /** Null goes back to the default headers. */
    portalStatusColumns: statusReportColumnsSchema.nullable(),
    appSendsUsernames: z.boolean(),
    usernameDaysBefore: z.number().int().min(1).max(60),
    extensionMaxDays: z.number().int().min(0).max(365),
  })
  .partial();

export const createTrustBody = z.object({
  name: text(160),
  firstAdmin: z.object({ name: text(200), email: email() }),
});

/** The accessibility statement's contacts: each trust that has set one (public). */
export const accessibilityContactsSchema = z.array(
  z.object({ trustId: uuidSchema, trustName: z.string(), contact: z.string() }),
);
export type AccessibilityContact = z.infer<typeof accessibilityContactsSchema>[number];
