import { pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/** A university or college (utdanningsinstitusjon); shared by every trust of the region. */
export const institutions = pgTable("institutions", {
  id: id(),
  name: text("name").notNull().unique(),
  shortName: text("short_name").notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

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
