import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../shared/columns.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/** Something a person should know about, in their language, linking to the thing in the app. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    /** An app path such as `/institutions/…`; null when there is nothing to open. */
    link: text("link"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When it went out by e-mail, at once or in a digest; null while not e-mailed. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_created").on(t.userId, t.createdAt)],
);

/**
 * News of one kind about one thing (an overview's changes) gathered for one person during a fixed
 * window that opens with the first item: one notification, rewritten as items arrive, and one
 * e-mail when the window closes. At most one open batch per person, kind and topic (the unique
 * index, so saves at the same moment add to the same batch). Closing it e-mails an 'immediate'
 * person and deletes it; a 'daily' person's batch stays closed until the digest takes it.
 */
export const notificationBatches = pgTable(
  "notification_batches",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The notification in the app; null only inside the statement that opens the batch. */
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** What the batch is about, e.g. the overview's id. */
    topic: text("topic").notNull(),
    /** What the texts need besides the items (the document's name). */
    context: jsonb("context").notNull(),
    /** Every item so far, oldest first (national IDs already masked). */
    items: jsonb("items").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** Null while open. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_batches_open").on(t.userId, t.kind, t.topic).where(sql`${t.closedAt} is null`),
    index("notification_batches_due").on(t.closesAt).where(sql`${t.closedAt} is null`),
    index("notification_batches_notification").on(t.notificationId),
  ],
);
