import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { overviews, placementRows, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { languageEnum, trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/**
 * A registration campaign (SPEC §3.1): FOU asks one institution's students to register before a
 * deadline, optionally for one document and sheet. The public link's token is never stored: it is a
 * keyed hash of the campaign's id and `token_salt` (so FOU and the coordinator can be shown the link
 * again), and `token_hash` (SHA-256 of the token) finds the campaign from a request.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    overviewId: uuid("overview_id").references(() => overviews.id, { onDelete: "set null" }),
    sheetId: uuid("sheet_id").references(() => sheets.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** The last day of the link: it closes at 23:59 Europe/Oslo on this date. */
    deadline: date("deadline").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    tokenSalt: text("token_salt").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("campaigns_token_hash").on(t.tokenHash),
    index("campaigns_trust_institution").on(t.trustId, t.institutionId),
  ],
);

/** A link for one late student that works after the campaign's deadline; shown once, kept as a hash. */
export const campaignPersonalLinks = pgTable(
  "campaign_personal_links",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** Whom FOU made it for (not shown to the student). */
    note: text("note").notNull(),
    validUntil: date("valid_until").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_personal_links_token_hash").on(t.tokenHash),
    index("campaign_personal_links_campaign").on(t.campaignId),
  ],
);

/**
 * A student's registration through a campaign. The national ID as the persons table keeps it
 * (`national_id_enc` bound to this row, `national_id_hash` the keyed hash). `person_id` is the
 * person it was matched to (`matched_by` says how); `supersedes_id` marks a second registration with
 * a known national ID, which changes nothing until it is confirmed from the first one's e-mail
 * address or by FOU (`applied_at`).
 */
export const registrations = pgTable(
  "registrations",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The campaign's institution, denormalised: coordinators' queries are scoped by it. */
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    /** `form` | `idporten` | `personal_link` | `webcruiter`. */
    source: text("source").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    /** E.164. */
    mobile: text("mobile"),
    nationalIdEnc: text("national_id_enc"),
    nationalIdHash: text("national_id_hash"),
    birthDate: date("birth_date"),
    nationality: text("nationality"),
    homeInstitution: text("home_institution"),
    earlierUsername: text("earlier_username"),
    language: languageEnum("language").notNull().default("nb"),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    /** Name and national ID came from ID-porten. */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    personId: uuid("person_id").references(() => persons.id),
    /** `national_id` | `email` | `name_birth_date` | `manual`. */
    matchedBy: text("matched_by"),
    matchedAt: timestamp("matched_at", { withTimezone: true }),
    /** A manual match to a row names it (its person is the registration's). */
    matchedRowId: uuid("matched_row_id").references(() => placementRows.id, { onDelete: "set null" }),
    /** When FOU confirmed a registration whose e-mail differs from the one on the person's rows. */
    fouConfirmedAt: timestamp("fou_confirmed_at", { withTimezone: true }),
    fouConfirmedBy: uuid("fou_confirmed_by").references(() => users.id),
    /** When FOU undid the match: from then on only FOU matches it (automatic matching leaves it alone). */
    unmatchedAt: timestamp("unmatched_at", { withTimezone: true }),
    supersedesId: uuid("supersedes_id"),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("registrations_campaign").on(t.campaignId, t.lastName, t.firstName),
    index("registrations_trust_person").on(t.trustId, t.personId),
    index("registrations_trust_national_id_hash")
      .on(t.trustId, t.nationalIdHash)
      .where(sql`${t.nationalIdHash} is not null`),
    index("registrations_trust_email").on(t.trustId, t.email),
    // The start page's two counts of registrations that are no waiting change: each index holds
    // only what its count reads (registration-counts.repository.ts), so neither reads the trust's
    // every registration.
    index("registrations_confirmed")
      .on(t.trustId, t.personId)
      .where(sql`${t.emailConfirmedAt} is not null and (${t.supersedesId} is null or ${t.appliedAt} is not null)`),
    index("registrations_unconfirmed")
      .on(t.trustId)
      .where(sql`${t.emailConfirmedAt} is null and (${t.supersedesId} is null or ${t.appliedAt} is not null)`),
  ],
);

/**
 * Single-purpose links sent to a student: `confirm_email` (one-time, expiring), `personal_page`
 * (their own page), `confirm_change` (a waiting change, sent to the address on record). Only the
 * SHA-256 of the token is kept.
 */
export const registrationTokens = pgTable(
  "registration_tokens",
  {
    id: id(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("registration_tokens_hash").on(t.tokenHash),
    index("registration_tokens_registration").on(t.registrationId),
  ],
);

/** An HR transfer file FOU downloaded: which persons it held, and when they were marked transferred. */
export const hrTransferExports = pgTable("hr_transfer_exports", {
  id: id(),
  trustId: uuid("trust_id")
    .notNull()
    .references(() => trusts.id),
  /** `xlsx` | `csv`. */
  format: text("format").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  markedAt: timestamp("marked_at", { withTimezone: true }),
  markedBy: uuid("marked_by").references(() => users.id),
});

export const hrTransferExportPersons = pgTable(
  "hr_transfer_export_persons",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => hrTransferExports.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.personId] })],
);

/**
 * Reminders sent, so each is sent once: `student_7d` / `student_2d` to a student (the row's e-mail,
 * `recipient_key` the row's person) and `coordinator_3d` (`recipient_key` the coordinator's user id).
 */
export const registrationReminders = pgTable(
  "registration_reminders",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    recipientKey: text("recipient_key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("registration_reminders_once").on(t.campaignId, t.kind, t.recipientKey)],
);
