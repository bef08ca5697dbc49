import { pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";

/** A profession students train for (Sykepleier, Lege …); access profiles hang on it. */
export const professions = pgTable(
  "professions",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("professions_trust_name").on(t.trustId, t.name)],
);

/** A study programme of an institution (Sykepleie at HVL), leading to a profession. */
export const programmes = pgTable(
  "programmes",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id),
    professionId: uuid("profession_id")
      .notNull()
      .references(() => professions.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("programmes_trust_institution_name").on(t.trustId, t.institutionId, t.name)],
);

/** A ward or department of the trust where students are placed. */
export const placementSites = pgTable(
  "placement_sites",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    name: text("name").notNull(),
    department: text("department"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("placement_sites_trust_name").on(t.trustId, t.name)],
);
