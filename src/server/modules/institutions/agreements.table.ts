import { pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { institutions } from "./institutions.table.ts";

/** A trust receives students from an institution it has an agreement with. */
export const agreements = pgTable(
  "agreements",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    /** The FOU contact person responsible for the institution, and their deputy. */
    mainContactId: uuid("main_contact_id").references(() => users.id),
    deputyContactId: uuid("deputy_contact_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("agreements_trust_institution").on(t.trustId, t.institutionId)],
);
