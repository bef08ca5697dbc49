import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
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

/** The filters a page of the log may have; each combination is one statement, built once. */
const filterKeys = ["actorId", "entity", "entityId", "action", "from", "to", "before"] as const;
type FilterKey = (typeof filterKeys)[number];

const param = (key: string) => sql.placeholder(key);

/** The page's statement for one combination of filters, with the values as bind parameters. */
function pageStatement(db: DbOrTx, used: ReadonlySet<FilterKey>, name: string) {
  const on = (key: FilterKey, condition: SQL) => (used.has(key) ? condition : undefined);
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
        eq(auditEvents.trustId, param("trustId")),
        on("actorId", eq(auditEvents.actorId, param("actorId"))),
        on("entity", eq(auditEvents.entity, param("entity"))),
        on("entityId", eq(auditEvents.entityId, param("entityId"))),
        on("action", eq(auditEvents.action, param("action"))),
        on("from", gte(auditEvents.at, param("from"))),
        on("to", lt(auditEvents.at, param("to"))),
        on(
          "before",
          sql`(${auditEvents.at}, ${auditEvents.id}) < (${param("beforeAt")}::timestamptz, ${param("beforeId")}::uuid)`,
        ),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(param("limit"))
    .prepare(name);
}

/**
 * Statements built once per combination of filters (`shared/built-once.ts`): every page of the
 * log (and every batch of its CSV export) is parsed and planned once per connection. Each keeps
 * the plan of the index its filters name (`audit_events_trust_at_id`, `audit_events_trust_entity_at_id`).
 */
const pages = new Map<string, ReturnType<typeof builtOnce<ReturnType<typeof pageStatement>>>>();
function pageOf(db: DbOrTx, used: Set<FilterKey>) {
  const name = `audit_page_${filterKeys.map((k) => (used.has(k) ? "1" : "0")).join("")}`;
  let built = pages.get(name);
  if (!built) {
    built = builtOnce((d) => pageStatement(d, used, name));
    pages.set(name, built);
  }
  return built(db);
}

/** The trust's audit rows, newest first, with the actor's name; keyset-paged on (at, id). */
export function listAudit(db: DbOrTx, f: AuditFilter) {
  // An empty filter (`?entity=`) filters nothing, as an absent one.
  const used = new Set(filterKeys.filter((k) => Boolean(f[k])));
  return pageOf(db, used).execute({
    trustId: f.trustId,
    actorId: f.actorId,
    entity: f.entity,
    entityId: f.entityId,
    action: f.action,
    from: f.from,
    to: f.to,
    beforeAt: f.before?.at,
    beforeId: f.before?.id,
    limit: f.limit,
  });
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
