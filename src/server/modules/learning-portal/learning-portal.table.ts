import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../shared/columns.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/**
 * One e-mail to the trust's Læringsportalen address (SPEC §3.3): the students without a Norwegian ID
 * who need a user made by hand, with their names, e-mail addresses and home institutions, never an
 * ID number. `to_address` keeps where it went.
 */
export const learningPortalBatches = pgTable(
  "learning_portal_batches",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    number: integer("number").notNull(),
    toAddress: text("to_address").notNull(),
    personCount: integer("person_count").notNull(),
    sentBy: uuid("sent_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("learning_portal_batches_trust").on(t.trustId, t.createdAt)],
);

/**
 * A person of a batch: requested with it, and created when FOU marks the user made
 * (`persons.learning_portal_state` says the same for the rows).
 */
export const learningPortalRequests = pgTable(
  "learning_portal_requests",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => learningPortalBatches.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }),
  },
  (t) => [
    index("learning_portal_requests_person").on(t.personId),
    index("learning_portal_requests_batch").on(t.batchId),
  ],
);
