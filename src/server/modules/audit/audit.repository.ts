import { and, desc, eq, gte, lt, or } from "drizzle-orm";
import type { AuditEntity } from "../../../contracts/audit.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
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

/**
 * Audit rows for many entries (the batch saves of an import): 8 bind parameters each, so 5,000 per
 * statement stay below PostgreSQL's 65,535.
 */
export async function writeAudits(db: DbOrTx, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) {
    await db.insert(auditEvents).values(
      entries.slice(i, i + 5000).map((entry) => ({
        actorId: ctx.actorId,
        trustId: entry.trustId === undefined ? ctx.trustId : entry.trustId,
        institutionId: entry.institutionId ?? null,
        entity: entry.entity,
        entityId: entry.entityId,
        action: entry.action,
        fields: entry.fields ?? [],
        requestId: ctx.requestId,
      })),
    );
  }
}

/** The audit name of a field: its column name (`deadlineDays` → `deadline_days`). */
export const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The names of the keys in `patch` whose values differ from `before`. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
}

export interface AuditFilter {
  trustId: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  before?: { at: Date; id: string };
  limit: number;
}

/** The trust's audit rows, newest first, with the actor's name; keyset-paged on (at, id). */
export function listAudit(db: DbOrTx, f: AuditFilter) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: users.id,
      actorName: users.name,
      actorEmail: users.email,
      institutionId: auditEvents.institutionId,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      fields: auditEvents.fields,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.trustId, f.trustId),
        f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
        f.entity ? eq(auditEvents.entity, f.entity) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lt(auditEvents.at, f.to) : undefined,
        f.before
          ? or(lt(auditEvents.at, f.before.at), and(eq(auditEvents.at, f.before.at), lt(auditEvents.id, f.before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.limit);
}

/** The language a person reads the app in: their own choice, else their trust's default. */
export async function languageOf(db: DbOrTx, userId: string, trustId: string) {
  const [row] = await db
    .select({ own: users.language, trust: trusts.defaultLanguage })
    .from(users)
    .innerJoin(trusts, eq(trusts.id, trustId))
    .where(eq(users.id, userId));
  return row?.own ?? row?.trust ?? "nb";
}
