import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { outboxStatusValues } from "../../../contracts/outbox.ts";
import { createdAt, id } from "../../shared/columns.ts";
import { languageEnum, trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

export const outboxStatusEnum = pgEnum("outbox_status", outboxStatusValues);

/**
 * E-mail waiting to be sent, written in the same transaction as the change that causes it.
 * queued → sending (claimed by one worker) → sent; a failed attempt goes back to queued with a
 * later `next_attempt_at` until the last attempt, then failed. Without SMTP: kept.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    trustId: uuid("trust_id").references(() => trusts.id),
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    recipientAddress: text("recipient_address").notNull(),
    template: text("template").notNull(),
    language: languageEnum("language").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    status: outboxStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While sending: when the claim runs out and another worker may take the message again. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** The SMTP reply code and command or the error code; never addresses or other personal data. */
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_messages_due").on(t.status, t.nextAttemptAt),
    index("outbox_messages_trust").on(t.trustId, t.createdAt),
  ],
);
