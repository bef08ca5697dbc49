import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Public identifiers are random UUIDs; moments are timestamptz in UTC. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
