import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { trusts } from "../trusts/trusts.table.ts";

/**
 * A student known at a trust. The national ID is never stored in plain text: `national_id_enc` is
 * its AES-256-GCM ciphertext and `national_id_hash` its keyed hash (shared/crypto.ts), which finds
 * the person again and keeps one person per national ID and trust.
 */
export const persons = pgTable(
  "persons",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    nationalIdEnc: text("national_id_enc"),
    nationalIdHash: text("national_id_hash"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** A calendar date; from the national ID unless given. */
    birthDate: date("birth_date"),
    /** Stored lower-cased. */
    email: text("email"),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    /** E.164. */
    mobile: text("mobile"),
    /** The person's user name in the trust's systems. */
    username: text("username"),
    /** When a confirmed registration (SPEC §3.1) was matched to the person: their Registrert cells say so. */
    registeredAt: timestamp("registered_at", { withTimezone: true }),
    /** The language the person registered in: every later e-mail to them uses it. */
    language: text("language"),
    hrTransferredAt: timestamp("hr_transferred_at", { withTimezone: true }),
    learningPortalState: text("learning_portal_state"),
    /** When the retention job removed the person's personal data (SPEC §4); null while they hold them. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("persons_trust_national_id_hash")
      .on(t.trustId, t.nationalIdHash)
      .where(sql`${t.nationalIdHash} is not null`),
    index("persons_trust_name").on(t.trustId, t.lastName, t.firstName),
    index("persons_trust_email").on(t.trustId, t.email),
    // The sheet counts of a list page join the persons transferred to HR: this index holds only them.
    index("persons_transferred").on(t.id).where(sql`${t.hrTransferredAt} is not null`),
    // The start page counts the persons ready for HR: this index holds only them.
    index("persons_ready_for_hr")
      .on(t.trustId)
      .where(sql`${t.registeredAt} is not null and ${t.hrTransferredAt} is null`),
  ],
);
