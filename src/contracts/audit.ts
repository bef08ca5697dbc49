import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import { languageSchema, roleSchema, uuidSchema } from "./common.ts";

/** The kinds of record audit rows name (`entity`), each named for people by the audit module. */
export const auditEntities = [
  "user",
  "membership",
  "user_identity",
  "trust",
  "institution",
  "agreement",
  "profession",
  "programme",
  "placement_site",
  "identity_provider",
  "account_request",
  "overview",
  "sheet",
  "placement_row",
  "row_comment",
  "person",
  "notification",
  "audit",
  "campaign",
  "registration",
  "hr_transfer_export",
  "clinical_system",
  "access_profile",
  "order",
  "order_line",
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** The actions audit rows record. */
export const auditActions = [
  "create",
  "update",
  "delete",
  "copy",
  "submit",
  "approve",
  "decline",
  "deactivate",
  "reactivate",
  "sign_in",
  "sign_out",
  "set_password",
  "link",
  "read",
  "read_notifications",
  "reveal_national_id",
  "import",
  "export",
  "anonymise",
  "delete_changes",
  "merge",
  "merged_into",
  "create_personal_link",
  "confirm_email",
  "apply_change",
  "match",
  "unmatch",
  "confirm",
  "archive",
  "restore",
  "cancel",
  "mark_ordered",
  "reject",
  "implement",
  "change",
  "supersede",
  "schedule_deactivation",
  "withdraw",
  "learning_portal_request",
  "learning_portal_created",
  "extend",
  "mark_extended",
] as const;

/**
 * The text key (in src/web/i18n) of every field name audit rows carry, so that the log says
 * "Etternavn" instead of `last_name`. The web shows these texts and the CSV export writes them. A
 * name written by an older version in camelCase (`shortName`) is found by its column name.
 */
export const auditFieldTexts: Record<string, string> = {
  // A placement row's fields, as the overview's columns are called.
  last_name: "overviews.columns.lastName",
  first_name: "overviews.columns.firstName",
  national_id: "overviews.columns.nationalId",
  birth_date: "overviews.columns.birthDate",
  nationality: "overviews.columns.nationality",
  email: "overviews.columns.email",
  mobile: "overviews.columns.mobile",
  home_institution: "overviews.columns.homeInstitution",
  study_programme: "overviews.columns.studyProgramme",
  placement_site_id: "overviews.columns.placementSite",
  start_date: "overviews.columns.startDate",
  end_date: "overviews.columns.endDate",
  d_number: "overviews.columns.dNumber",
  previous_username: "overviews.columns.previousUsername",
  row_comments: "overviews.columns.comments",
  learning_portal_state: "overviews.columns.learningPortalUser",
  row: "audit.fieldNames.row",
  row_changes: "audit.fieldNames.row_changes",
  invalid_values: "audit.fieldNames.invalid_values",
  body: "audit.fieldNames.body",
  // Documents and sheets.
  name: "audit.fieldNames.name",
  group: "audit.fieldNames.group",
  kind: "audit.fieldNames.kind",
  submitted_at: "audit.fieldNames.submitted_at",
  submitted_late: "audit.fieldNames.submitted_late",
  // People, their accounts and roles.
  username: "audit.fieldNames.username",
  email_confirmed_at: "audit.fieldNames.email_confirmed_at",
  hr_transferred_at: "audit.fieldNames.hr_transferred_at",
  password: "audit.fieldNames.password",
  deactivated_at: "audit.fieldNames.deactivated_at",
  language: "audit.fieldNames.language",
  email_notifications: "audit.fieldNames.email_notifications",
  is_system_admin: "audit.fieldNames.is_system_admin",
  read_at: "audit.fieldNames.read_at",
  user_id: "audit.fieldNames.user_id",
  role: "audit.fieldNames.role",
  institution_id: "audit.fieldNames.institution_id",
  message: "audit.fieldNames.message",
  status: "audit.fieldNames.status",
  decline_reason: "audit.fieldNames.decline_reason",
  // Institutions, agreements and the catalog.
  short_name: "audit.fieldNames.short_name",
  main_contact_id: "agreements.mainContact",
  deputy_contact_id: "agreements.deputyContact",
  profession_id: "audit.fieldNames.profession_id",
  department: "audit.fieldNames.department",
  // Sign-in services.
  display_name: "identityProviders.displayName",
  issuer: "identityProviders.issuer",
  client_id: "identityProviders.clientId",
  client_secret: "identityProviders.clientSecret",
  enabled: "identityProviders.enabled",
  provider_id: "audit.fieldNames.provider_id",
  subject: "audit.fieldNames.subject",
  // The trust's settings.
  test_mode: "settings.testMode",
  default_language: "settings.defaultLanguage",
  deadline_days: "settings.deadlineDays",
  it_help_url: "settings.itHelpUrl",
  student_info_url: "settings.studentInfoUrl",
  learning_portal_email: "settings.learningPortalEmail",
  d_number_needs_manual_user: "settings.dNumberNeedsManualUser",
  learning_portal_batch: "learningPortal.fields.batch",
  retention_months: "settings.retentionMonths",
  accessibility_contact: "audit.fieldNames.accessibility_contact",
  naming_document: "audit.fieldNames.naming_document",
  naming_sheet: "audit.fieldNames.naming_sheet",
  naming_international_sheet: "audit.fieldNames.naming_international_sheet",
  naming_file: "audit.fieldNames.naming_file",
  unmatched_registration_days: "settings.unmatchedRegistrationDays",
  hr_transfer_columns: "settings.hrTransferColumns",
  webcruiter_columns: "settings.webcruiterColumns",
  order_lead_days: "audit.fieldNames.order_lead_days",
  portal_columns: "audit.fieldNames.portal_columns",
  portal_status_columns: "audit.fieldNames.portal_status_columns",
  app_sends_usernames: "audit.fieldNames.app_sends_usernames",
  username_days_before: "audit.fieldNames.username_days_before",
  // Order lines (the IT provider's decisions).
  state: "audit.fieldNames.state",
  approved_at: "audit.fieldNames.approved_at",
  reject_reason: "audit.fieldNames.reject_reason",
  username_delivery: "audit.fieldNames.username_delivery",
  fou_message: "audit.fieldNames.fou_message",
  // Registration campaigns and registrations.
  deadline: "audit.fieldNames.deadline",
  closed_at: "audit.fieldNames.closed_at",
  marked_at: "audit.fieldNames.marked_at",
  overview_id: "audit.fieldNames.overview_id",
  sheet_id: "audit.fieldNames.sheet_id",
  note: "audit.fieldNames.note",
  valid_until: "audit.fieldNames.valid_until",
  earlier_username: "audit.fieldNames.earlier_username",
  supersedes_id: "audit.fieldNames.supersedes_id",
  registrations: "audit.fieldNames.registrations",
  applied_at: "audit.fieldNames.applied_at",
  person_id: "audit.fieldNames.person_id",
  matched_by: "audit.fieldNames.matched_by",
  registered_at: "audit.fieldNames.registered_at",
  // Clinical systems and access profiles.
  roles: "audit.fieldNames.roles",
  archived_at: "audit.fieldNames.archived_at",
  items: "audit.fieldNames.items",
  limits: "audit.fieldNames.limits",
  version: "audit.fieldNames.version",
  // Orders of access and the ordering portal's file (an export names its columns).
  reference: "audit.fieldNames.reference",
  line_id: "audit.fieldNames.line_id",
  institution: "audit.fieldNames.institution",
  programme: "audit.fieldNames.programme",
  placement_site: "audit.fieldNames.placementSite",
  placement_start: "audit.fieldNames.placementStart",
  placement_end: "audit.fieldNames.placementEnd",
  system: "audit.fieldNames.system",
  valid_from: "audit.fieldNames.valid_from",
  valid_to: "audit.fieldNames.valid_to",
  changes: "audit.fieldNames.changes",
  change_type: "audit.fieldNames.change_type",
  // The deactivation list and withdrawals.
  deactivation_reason: "audit.fieldNames.deactivation_reason",
  deactivate_from: "audit.fieldNames.deactivate_from",
  withdrawn_on: "audit.fieldNames.withdrawn_on",
  withdrawn_reason: "audit.fieldNames.withdrawn_reason",
  // Extensions of placements (the rows' and lines' end before, and the IT provider's done).
  end_date_before_extension: "audit.fieldNames.end_date_before_extension",
  extended_from: "audit.fieldNames.extended_from",
  extension_done_at: "audit.fieldNames.extension_done_at",
  // The filters of an export of this log.
  actor_id: "audit.filter.who",
  entity: "audit.filter.what",
  entity_id: "audit.filter.record",
  action: "audit.filter.action",
  from: "audit.filter.from",
  to: "audit.filter.to",
};

/** The text key of an audit field name, or null for a name the log does not know (shown as it is). */
export function auditFieldText(field: string): string | null {
  return auditFieldTexts[field] ?? auditFieldTexts[field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ?? null;
}

const dateTime = z.iso.datetime({ offset: true, local: true });

/**
 * A moment to filter by: a date by the app's date rule (`isIsoDate`; its start in UTC) or an ISO
 * date-time on such a date. Anything else is refused with `date.invalid` on the field.
 */
const moment = z
  .string()
  .refine((v) => isIsoDate(v.slice(0, 10)) && (v.length === 10 || dateTime.safeParse(v).success), {
    message: "date.invalid",
  })
  .transform((v) => new Date(v));

/** What the log is filtered by, for a page and for the CSV export alike. */
export const auditFilterQuery = z.object({
  actorId: uuidSchema.optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(60).optional(),
  /** Inclusive, ISO date-time or date. */
  from: moment.optional(),
  /** Exclusive. */
  to: moment.optional(),
});

export const auditQuery = auditFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The cursor `next` of the previous page. */
  before: z.string().max(100).optional(),
});

export const auditExportQuery = auditFilterQuery.extend({
  /** The language of the file's headings and texts; the person's own language when left out. */
  lang: languageSchema.optional(),
});

/**
 * The record an event is about, as people know it — resolved when the page is read, scoped to the
 * caller's trust: a document's name; a sheet's with its document; a placement row's or comment's
 * student with the document and sheet; a person's, a user's, an institution's, a programme's name…
 * `anonymised`: the record is there but its personal data are gone; `gone`: it was deleted (or is
 * not the trust's), so only its id is left.
 */
export const auditRecordSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("named"),
    name: z.string(),
    /** Where it belongs or who it is, outermost first: ["HVL Sykepleie kull 2024", "Periode 1"]. */
    details: z.array(z.string()),
    /** A membership's role. */
    role: roleSchema.optional(),
  }),
  z.object({ state: z.literal("anonymised"), details: z.array(z.string()) }),
  z.object({ state: z.literal("gone") }),
]);
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditEventSchema = z.object({
  id: uuidSchema,
  at: z.string(),
  actor: z.object({ id: uuidSchema, name: z.string(), email: z.string() }).nullable(),
  institutionId: uuidSchema.nullable(),
  entity: z.string(),
  entityId: z.string(),
  record: auditRecordSchema,
  action: z.string(),
  fields: z.array(z.string()),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` for the next page; null on the last page. */
  next: z.string().nullable(),
});
