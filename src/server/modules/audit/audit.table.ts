import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail: who did what to which record, never the personal values.
 * Insert-only: the app has no code that updates or deletes it, and a trigger refuses both.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    trustId: uuid("trust_id"),
    institutionId: uuid("institution_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    fields: text("fields").array().notNull().default([]),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_trust_at").on(t.trustId, t.at),
    index("audit_events_entity").on(t.entity, t.entityId),
    index("audit_events_trust_entity_at").on(t.trustId, t.entity, t.at),
  ],
);
