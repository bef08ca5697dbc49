import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { professions } from "../catalog/catalog.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

/**
 * A clinical system of the trust (DIPS Arena, Metavision …) with the roles it has. Archived, never
 * deleted: profile versions (and later order lines) refer to it. Its name is unique in the trust
 * whatever its case, archived systems included.
 */
export const clinicalSystems = pgTable(
  "clinical_systems",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    name: text("name").notNull(),
    /** The role names, in the admin's order. */
    roles: jsonb("roles").$type<string[]>().notNull().default([]),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("clinical_systems_trust_name").on(t.trustId, sql`lower(${t.name})`)],
);

/**
 * An access profile: what the students of one profession get. `version` is the number of its
 * current version (the newest). One profile per profession and trust is not archived.
 */
export const accessProfiles = pgTable(
  "access_profiles",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    professionId: uuid("profession_id")
      .notNull()
      .references(() => professions.id),
    version: integer("version").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("access_profiles_current_profession").on(t.trustId, t.professionId).where(sql`${t.archivedAt} is null`),
  ],
);

/**
 * One version of a profile as it was made: insert-only (a trigger refuses updates and deletes), so
 * an order line that names it always finds what was ordered.
 */
export const accessProfileVersions = pgTable(
  "access_profile_versions",
  {
    id: id(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => accessProfiles.id),
    version: integer("version").notNull(),
    /** The limits and restrictions for students, for the IT provider. */
    limits: text("limits").notNull().default(""),
    /** What changed and why. */
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique("access_profile_versions_profile_version").on(t.profileId, t.version)],
);

/** A system and the role in it, of one version (insert-only like the version). */
export const accessProfileItems = pgTable(
  "access_profile_items",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => accessProfileVersions.id),
    systemId: uuid("system_id")
      .notNull()
      .references(() => clinicalSystems.id),
    /** The role's name as the system had it when the version was made. */
    role: text("role").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.systemId] }), index("access_profile_items_system").on(t.systemId)],
);
