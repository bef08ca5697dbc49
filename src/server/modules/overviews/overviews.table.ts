import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { placementSites, programmes } from "../catalog/catalog.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/** A student group (studentgruppe/kull): one institution's programme and cohort at a trust. */
export const studentGroups = pgTable(
  "student_groups",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    cohort: integer("cohort").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("student_groups_trust_institution_programme_cohort").on(t.trustId, t.institutionId, t.programmeId, t.cohort),
  ],
);

/** The overview document of a student group (one per group, SPEC §3.2). */
export const overviews = pgTable(
  "overviews",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    /** Denormalised from the group: every query is scoped by it. */
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => studentGroups.id),
    /** From the trust's naming standard when created, e.g. "HVL Sykepleie kull 2024". */
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("overviews_group").on(t.groupId), index("overviews_trust_institution").on(t.trustId, t.institutionId)],
);

/** A sheet of a document: one practice period (or the international students of one). */
export const sheets = pgTable(
  "sheets",
  {
    id: id(),
    overviewId: uuid("overview_id")
      .notNull()
      .references(() => overviews.id, { onDelete: "cascade" }),
    /** `norwegian` | `international`. */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    position: integer("position").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedLate: boolean("submitted_late").notNull().default(false),
    /** When the coordinators were reminded of the deadline (once per sheet). */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("sheets_overview_name").on(t.overviewId, t.name),
    /** Rows of a period are found through their sheet's start when they have none of their own. */
    index("sheets_start").on(t.startDate),
    /** Current and coming placements (Læringsportalen's list and its count) through their sheet's end. */
    index("sheets_end").on(t.endDate),
  ],
);

/**
 * One student on a sheet, with the template's typed fields. National IDs and D-numbers are stored
 * only encrypted (plus a keyed hash of a valid national ID); values that are not what their field
 * wants are kept as typed (`invalid_values` for dates, `mobile` as typed) and flagged as problems.
 */
export const placementRows = pgTable(
  "placement_rows",
  {
    id: id(),
    sheetId: uuid("sheet_id")
      .notNull()
      .references(() => sheets.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => persons.id),
    position: integer("position").notNull(),
    /** Optimistic locking: every update needs the version it was based on. */
    version: integer("version").notNull().default(1),
    lastName: text("last_name").notNull().default(""),
    firstName: text("first_name").notNull().default(""),
    /** The typed national ID, encrypted (also when it is not valid, so nothing typed is lost). */
    nationalIdEnc: text("national_id_enc"),
    /** Keyed hash of a valid national ID, for matching rows and persons. */
    nationalIdHash: text("national_id_hash"),
    /** The national-ID fault when the stored value is not valid, e.g. `national_id.checksum`. */
    nationalIdProblem: text("national_id_problem"),
    birthDate: date("birth_date"),
    nationality: text("nationality").notNull().default(""),
    /** Lower-cased when valid, else as typed. */
    email: text("email").notNull().default(""),
    /** E.164 when valid, else as typed. */
    mobile: text("mobile").notNull().default(""),
    homeInstitution: text("home_institution").notNull().default(""),
    studyProgramme: text("study_programme").notNull().default(""),
    placementSiteId: uuid("placement_site_id").references(() => placementSites.id),
    /** The site's name as typed when it is not in the trust's list. */
    placementSiteName: text("placement_site_name").notNull().default(""),
    startDate: date("start_date"),
    endDate: date("end_date"),
    dNumberEnc: text("d_number_enc"),
    previousUsername: text("previous_username").notNull().default(""),
    /** Raw text of date fields that are not dates: `{ startDate: "32.13.2027" }`. */
    invalidValues: jsonb("invalid_values").$type<Record<string, string>>().notNull().default({}),
    orderState: text("order_state").notNull().default("not_ordered"),
    /** Errors found when the row (or its sheet) was last saved; for counts without recomputing. */
    errorCount: integer("error_count").notNull().default(0),
    addedAfterSubmission: boolean("added_after_submission").notNull().default(false),
    /**
     * When the retention job emptied the row's personal data (SPEC §4); null while it holds them. An
     * anonymised row has no problems, is read-only and is left out of search.
     */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    /**
     * A withdrawn student (`POST /api/rows/{id}/withdraw`): the row stays, read-only, and its access
     * goes on the deactivation list from `withdrawn_on`, with the reason given.
     */
    withdrawnOn: date("withdrawn_on"),
    withdrawnReason: text("withdrawn_reason"),
    withdrawnBy: uuid("withdrawn_by"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /**
     * The end date before FOU first extended the placement (`POST /api/rows/extend`); null: never
     * extended. An extended row may end past its sheet's period: shown as extended, not as an error.
     */
    endDateBeforeExtension: date("end_date_before_extension"),
    extendedBy: uuid("extended_by"),
    extendedAt: timestamp("extended_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("placement_rows_sheet_position").on(t.sheetId, t.position),
    index("placement_rows_person").on(t.personId),
    /**
     * The persons with rows that still name them: the start page's count of registrations without
     * such a person reads it beside the registrations' own index (a merge, not a scan of every row).
     */
    index("placement_rows_live_person").on(t.personId).where(sql`${t.anonymisedAt} is null`),
    index("placement_rows_names").on(t.lastName, t.firstName),
    index("placement_rows_national_id_hash").on(t.nationalIdHash),
    /** Person matching looks rows of an institution up by e-mail. */
    index("placement_rows_email").on(t.email),
    /** Rows of a period (readiness, its counts on the start page). */
    index("placement_rows_start").on(t.startDate),
    /** Rows waiting for FOU: access rejected, or changed after the order (the start page's counts). */
    index("placement_rows_order_attention").on(t.orderState).where(sql`${t.orderState} in ('rejected', 'changed')`),
    /** Search by any part of a name (`ilike '%haug%'`): trigram indexes of the pg_trgm extension. */
    index("placement_rows_last_name_trgm").using("gin", t.lastName.op("gin_trgm_ops")),
    index("placement_rows_first_name_trgm").using("gin", t.firstName.op("gin_trgm_ops")),
    /** Current and coming placements by their own end date. */
    index("placement_rows_end").on(t.endDate),
    /** Rows with errors, by sheet (the start page's count of problem rows). */
    index("placement_rows_problems").on(t.sheetId).where(sql`${t.errorCount} > 0`),
  ],
);

/** A signed, dated comment on a row. */
export const rowComments = pgTable(
  "row_comments",
  {
    id: id(),
    rowId: uuid("row_id")
      .notNull()
      .references(() => placementRows.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("row_comments_row").on(t.rowId)],
);

/**
 * The user-facing change history of a document after submission (SPEC §3.2): from → to, with who
 * and when. National IDs are masked here. `row_id` is kept after the row is removed (no foreign key).
 */
export const rowChanges = pgTable(
  "row_changes",
  {
    id: id(),
    overviewId: uuid("overview_id")
      .notNull()
      .references(() => overviews.id, { onDelete: "cascade" }),
    sheetId: uuid("sheet_id")
      .notNull()
      .references(() => sheets.id, { onDelete: "cascade" }),
    rowId: uuid("row_id"),
    rowLabel: text("row_label"),
    /** sheet_added | row_added | row_removed | cell_changed | comment_added | row_withdrawn | row_extended */
    kind: text("kind").notNull(),
    field: text("field"),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("row_changes_overview_at").on(t.overviewId, t.at),
    index("row_changes_row").on(t.rowId),
    // Opening a sheet and the export read its changes by the sheet, newest first.
    index("row_changes_sheet_at").on(t.sheetId, t.at),
  ],
);
