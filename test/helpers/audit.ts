import { asc, eq } from "drizzle-orm";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import type { TestApp } from "./test-app.ts";

/** The audit rows of one record, oldest first. */
export const auditRows = (t: TestApp, entityId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.at), asc(auditEvents.action));
