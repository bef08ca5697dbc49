import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../shared/columns.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { roleEnum, users } from "../users/users.table.ts";

export const accountRequestStatusEnum = pgEnum("account_request_status", ["pending", "approved", "declined"]);

/** A person without an account asks a trust's admins for one from the sign-in page. */
export const accountRequests = pgTable(
  "account_requests",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    institutionId: uuid("institution_id").references(() => institutions.id),
    role: roleEnum("role").notNull(),
    message: text("message"),
    status: accountRequestStatusEnum("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("account_requests_trust_status").on(t.trustId, t.status), index("account_requests_email").on(t.email)],
);

/** One-time links to set a password, sent in invitations; only the token's SHA-256 is kept. */
export const invitations = pgTable("invitations", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  trustId: uuid("trust_id").references(() => trusts.id),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
});
