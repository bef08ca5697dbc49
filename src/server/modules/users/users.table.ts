import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roles } from "../../../contracts/vocabulary.ts";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { languageEnum, trusts } from "../trusts/trusts.table.ts";

export const roleEnum = pgEnum("role", roles);
export const emailNotificationsEnum = pgEnum("email_notifications", ["immediate", "daily", "off"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; unique across the region. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null for people who only sign in through their organisation's identity provider. */
    passwordHash: text("password_hash"),
    isSystemAdmin: boolean("is_system_admin").notNull().default(false),
    /** The person's own choice of UI language; the trust's default applies while null. */
    language: languageEnum("language"),
    /** Notifications by e-mail: each at once, a daily digest at 07:00, or none. */
    emailNotifications: emailNotificationsEnum("email_notifications").notNull().default("immediate"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email").on(t.email)],
);

/** A role at a trust; coordinators hold it for one institution. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    role: roleEnum("role").notNull(),
    institutionId: uuid("institution_id").references(() => institutions.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_unique").on(
      t.userId,
      t.trustId,
      t.role,
      sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("memberships_trust").on(t.trustId),
  ],
);
