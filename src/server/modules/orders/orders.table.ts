import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { accessProfileVersions, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/**
 * An order of access (SPEC §3.2 step 4): FOU's order of some of one sheet's rows, sent to the
 * ordering portal. `state` is `draft` (made, not yet sent), `ordered` (marked ordered with the
 * portal's `reference`) or `cancelled` (before it was ordered; nothing is deleted). The sheet and
 * its document are named by id without a foreign key, as the change history does, so the order
 * outlives them; `sheet_name` keeps what it was called.
 */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    overviewId: uuid("overview_id").notNull(),
    sheetId: uuid("sheet_id").notNull(),
    sheetName: text("sheet_name").notNull(),
    /** The trust's running number of its orders (1, 2, …), what people call it by. */
    number: integer("number").notNull(),
    state: text("state").notNull().default("draft"),
    /** The ordering portal's reference, given when it is marked ordered; unique in the trust. */
    reference: text("reference"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    orderedBy: uuid("ordered_by").references(() => users.id),
    orderedAt: timestamp("ordered_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_trust_number").on(t.trustId, t.number),
    uniqueIndex("orders_trust_reference")
      .on(t.trustId, sql`lower(${t.reference})`)
      .where(sql`${t.reference} is not null`),
    index("orders_trust_state").on(t.trustId, t.state, t.createdAt),
    index("orders_sheet").on(t.sheetId),
  ],
);

/**
 * One student and one clinical system of an order, with the role and the profile version it was
 * ordered with, and the placement's dates as the access's validity (never open-ended). `state`
 * follows `orderLineTransitions` (src/domain/order-lines.ts); each step keeps who and when on the
 * line. `row_id` names the placement row without a foreign key, so a removed row's lines stay (the
 * access-lifecycle issue puts them on the deactivation list). `exception_id` is the approved
 * exception that added the system, null for the profile's own.
 */
export const orderLines = pgTable(
  "order_lines",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    sheetId: uuid("sheet_id").notNull(),
    rowId: uuid("row_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    systemId: uuid("system_id")
      .notNull()
      .references(() => clinicalSystems.id),
    /** The role's name as the profile version gave it. */
    role: text("role").notNull(),
    profileVersionId: uuid("profile_version_id")
      .notNull()
      .references(() => accessProfileVersions.id),
    exceptionId: uuid("exception_id"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    state: text("state").notNull().default("draft"),
    /** The warnings FOU accepted when ordering the row (`lead_time`, `email_unconfirmed`). */
    acceptedWarnings: jsonb("accepted_warnings").$type<string[]>().notNull().default([]),
    orderedBy: uuid("ordered_by").references(() => users.id),
    orderedAt: timestamp("ordered_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    implementedBy: uuid("implemented_by").references(() => users.id),
    implementedAt: timestamp("implemented_at", { withTimezone: true }),
    rejectedBy: uuid("rejected_by").references(() => users.id),
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
    /** The IT provider's reason for a rejection (FOU sees it; coordinators see `fou_message`). */
    rejectReason: text("reject_reason"),
    /** What FOU tells the coordinators about a rejected line; null: nothing (they see only "rejected"). */
    fouMessage: text("fou_message"),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** The username the IT provider recorded when implementing. */
    username: text("username"),
    /** Who sends the student their username: `app` (an e-mail held until its day) or `provider` (the IT provider's own systems). */
    usernameDelivery: text("username_delivery"),
    /** What the line asks of the IT provider (`changeTypes`): `new`, `changed` (a change order), `extended`, `deactivate`. */
    changeType: text("change_type").notNull().default("new"),
    /** The changed line this line of a change order replaces (`supersede`), or the line a continuing placement carries on. */
    replacesLineId: uuid("replaces_line_id"),
    /** What changed since the order, from → to (`lineChanges`): on a changed line, and copied to the line that orders it. */
    changes: jsonb("changes").$type<{ field: string; from: string | null; to: string | null }[]>(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }),
    supersededBy: uuid("superseded_by").references(() => users.id),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    /** Why the line is on the deactivation list (`deactivationReasons`), from which day access must end. */
    deactivationReason: text("deactivation_reason"),
    deactivateFrom: date("deactivate_from"),
    /** FOU's or the coordinator's words for a withdrawal, as given (national IDs masked). */
    deactivationNote: text("deactivation_note"),
    scheduledDeactivationAt: timestamp("scheduled_deactivation_at", { withTimezone: true }),
    deactivatedBy: uuid("deactivated_by").references(() => users.id),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** The end date before the last extension, while the IT provider has the extension on its list. */
    extendedFrom: date("extended_from"),
    extendedBy: uuid("extended_by").references(() => users.id),
    extendedAt: timestamp("extended_at", { withTimezone: true }),
    extensionDoneBy: uuid("extension_done_by").references(() => users.id),
    extensionDoneAt: timestamp("extension_done_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("order_lines_order").on(t.orderId),
    index("order_lines_row").on(t.rowId),
    index("order_lines_person").on(t.personId),
    index("order_lines_trust_state_start").on(t.trustId, t.state, t.validFrom),
    // The queue's open lines by start: its first page's ids, and the start its page ends at, in order.
    index("order_lines_open_start").on(t.validFrom, t.trustId).where(sql`${t.state} in ('ordered', 'approved')`),
    // A row has at most one line per system that holds it (`holdingStates`): ordering it twice is refused.
    uniqueIndex("order_lines_row_system_current")
      .on(t.rowId, t.systemId)
      .where(sql`${t.state} in ('draft', 'ordered', 'approved', 'implemented', 'extended')`),
    // The nightly job finds the granted lines whose placement has ended.
    index("order_lines_granted_ending")
      .on(t.validTo)
      .where(sql`${t.state} in ('ordered', 'approved', 'implemented', 'extended')`),
    // The check of an order finds the rows' changed lines (few in the region) without reading the
    // index of all lines, whose pages for a fresh sheet's rows are seldom in memory.
    index("order_lines_row_changed").on(t.rowId).where(sql`${t.state} = 'changed'`),
    // The expiry reminders look a person's continuing placements up.
    index("order_lines_person_system").on(t.personId, t.systemId, t.validFrom),
    // The deactivation list in its first order (from which day): a page reads the lines of its own
    // first days, not every line on the list joined and sorted (130,267 lines: 672 → 59 ms).
    index("order_lines_deactivation")
      .on(t.state, t.deactivateFrom, t.trustId)
      .where(sql`${t.state} in ('to_deactivate', 'deactivated')`),
  ],
);

/**
 * A student's username in the systems of the IT provider (one per person across the region): keyed
 * by the national ID's keyed hash, the only thing two trusts' persons share, so a username recorded
 * at one trust is shown on the same student's later orders at another. Persons without a national
 * ID keep theirs on the person (`persons.username`).
 */
export const usernames = pgTable("usernames", {
  nationalIdHash: text("national_id_hash").primaryKey(),
  username: text("username").notNull(),
  recordedBy: uuid("recorded_by").references(() => users.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The username e-mail of one placement row (SPEC §3.2 step 5), when the trust's setting says the app
 * sends it: held until `due_on` (the trust's days before the start), then queued once through the
 * outbox (`queued_at`). One per row, so a person gets one e-mail per placement, not one per line.
 */
export const usernameMails = pgTable(
  "username_mails",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    rowId: uuid("row_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    dueOn: date("due_on").notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("username_mails_row").on(t.rowId),
    index("username_mails_due").on(t.dueOn).where(sql`${t.queuedAt} is null`),
  ],
);

/**
 * The reminders that a placement's access ends (SPEC §3.2 step 6): one per row, days before (14 or
 * 1) and end date, so each is sent once, and again only for a new end date after an extension.
 */
export const expiryReminders = pgTable(
  "expiry_reminders",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    rowId: uuid("row_id").notNull(),
    daysBefore: integer("days_before").notNull(),
    endDate: date("end_date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("expiry_reminders_once").on(t.rowId, t.daysBefore, t.endDate)],
);
