import type { DbOrTx } from "../../shared/database.ts";
import { auditEvents } from "./audit.table.ts";

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  /** Names of the changed fields; never their values. */
  fields?: string[];
  institutionId?: string | null;
  /** Defaults to the actor's active trust. */
  trustId?: string | null;
}

export interface AuditContext {
  actorId: string | null;
  trustId: string | null;
  requestId: string | null;
}

/** Writes audit rows; pass the transaction of the change so both commit or neither does. */
export async function writeAudit(db: DbOrTx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: ctx.actorId,
    trustId: entry.trustId === undefined ? ctx.trustId : entry.trustId,
    institutionId: entry.institutionId ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    fields: entry.fields ?? [],
    requestId: ctx.requestId,
  });
}

/** The names of the keys in `patch` whose values differ from `before`. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
}
