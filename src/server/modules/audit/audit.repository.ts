import { and, desc, eq, gte, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { auditEvents } from "./audit.table.ts";

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
