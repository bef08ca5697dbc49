import { boolean, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { defaultNamingStandard } from "../../../domain/naming-standard.ts";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";

export const languageEnum = pgEnum("language", ["nb", "nn", "en"]);

/** A hospital trust (helseforetak) and its settings. */
export const trusts = pgTable("trusts", {
  id: id(),
  name: text("name").notNull().unique(),
  /** While true, H-numbers and synthetic test national IDs are accepted. */
  testMode: boolean("test_mode").notNull().default(false),
  /** Overviews are due this many days before a period starts. */
  deadlineDays: integer("deadline_days").notNull().default(28),
  defaultLanguage: languageEnum("default_language").notNull().default("nb"),
  /** The trust's page on what students must do before the placement. */
  studentInfoUrl: text("student_info_url"),
  /** The trust's page for IT problems, linked from the help page. */
  itHelpUrl: text("it_help_url"),
  learningPortalEmail: text("learning_portal_email"),
  /** Whom to tell about accessibility problems: an e-mail address or a web address (the statement shows it). */
  accessibilityContact: text("accessibility_contact"),
  /** Personal data is deleted this many months after a student's last placement ends. */
  retentionMonths: integer("retention_months").notNull().default(12),
  /** The naming standard: patterns with {institution}, {programme}, {cohort}, {label} and {n}. */
  namingDocument: text("naming_document").notNull().default(defaultNamingStandard.document),
  namingSheet: text("naming_sheet").notNull().default(defaultNamingStandard.sheet),
  namingInternationalSheet: text("naming_international_sheet")
    .notNull()
    .default(defaultNamingStandard.internationalSheet),
  namingFile: text("naming_file").notNull().default(defaultNamingStandard.file),
  /** Whether D-number holders also need a manual Læringsportalen user. */
  dNumberNeedsManualUser: boolean("d_number_needs_manual_user").notNull().default(false),
  /** Registrations that never match a placement row are deleted this many days after their campaign's deadline. */
  unmatchedRegistrationDays: integer("unmatched_registration_days").notNull().default(90),
  /** The HR transfer file's columns in order (`hrTransferColumns` in the contracts); null: the default. */
  hrTransferColumns: jsonb("hr_transfer_columns").$type<string[]>(),
  /** Webcruiter's applicant export: which of its column headers holds each field; null: not set up. */
  webcruiterColumns: jsonb("webcruiter_columns").$type<Record<string, string>>(),
  /** Orders (SPEC §3.2 step 4): a placement that starts sooner than this many days after ordering is warned about. */
  orderLeadDays: integer("order_lead_days").notNull().default(14),
  /** The ordering portal file's columns in order (`portalColumns` in the contracts); null: the default. */
  portalColumns: jsonb("portal_columns").$type<string[]>(),
  /** The portal's status report: which of its column headers holds each field; null: not set up. */
  portalStatusColumns: jsonb("portal_status_columns").$type<Record<string, string>>(),
  /** Whether the app e-mails each student their username (else Helse Vest IKT's own systems do). */
  appSendsUsernames: boolean("app_sends_usernames").notNull().default(false),
  /** The username e-mail is held until this many days before the placement starts. */
  usernameDaysBefore: integer("username_days_before").notNull().default(7),
  /** FOU may extend a placement to at most this many days past its sheet's period (SPEC §3.2 step 6). */
  extensionMaxDays: integer("extension_max_days").notNull().default(90),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
