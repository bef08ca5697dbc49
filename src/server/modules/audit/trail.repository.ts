import type { AuditEntity } from "../../../contracts/audit.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { insertInSets } from "../../shared/insert-sets.ts";
import { auditEvents } from "./audit.table.ts";

export interface AuditEntry {
  /** The kind of record; each kind is named for people in the log (records.repository.ts). */
  entity: AuditEntity;
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

/** The row an entry writes. */
const auditRowOf = (ctx: AuditContext, entry: AuditEntry) => ({
  actorId: ctx.actorId,
  trustId: entry.trustId === undefined ? ctx.trustId : entry.trustId,
  institutionId: entry.institutionId ?? null,
  entity: entry.entity,
  entityId: entry.entityId,
  action: entry.action,
  fields: entry.fields ?? [],
  requestId: ctx.requestId,
});

/** Writes audit rows; pass the transaction of the change so both commit or neither does. */
export async function writeAudit(db: DbOrTx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(auditRowOf(ctx, entry));
}

/** Audit rows for many entries (the batch saves of an import), in sets (`shared/insert-sets.ts`). */
export async function writeAudits(db: DbOrTx, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  await insertInSets(
    db,
    auditEvents,
    entries.map((entry) => auditRowOf(ctx, entry)),
  );
}

/** The audit name of a field: its column name (`deadlineDays` → `deadline_days`). */
export const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The names of the keys in `patch` whose values differ from `before`. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
}
