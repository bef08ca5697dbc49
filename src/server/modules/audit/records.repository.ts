import type { AuditEntity, AuditRecord } from "../../../contracts/audit.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { organisationLookups } from "./organisation-names.repository.ts";
import type { Found, Lookup } from "./record-names.repository.ts";
import { studentLookups } from "./student-names.repository.ts";

/*
 * The names of the records audit rows point at. The audit trail names records of every module, so
 * this reads their tables directly (read-only, like the retention job) instead of asking a dozen
 * modules: one query per kind of record for a whole page, each scoped to the caller's trust.
 */

/** How each kind of record is named. TypeScript holds this complete: a new kind needs its lookup. */
const lookups: Record<AuditEntity, Lookup> = { ...organisationLookups, ...studentLookups };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isKnownEntity = (entity: string): entity is AuditEntity => Object.hasOwn(lookups, entity);

/**
 * Names the records of a page of audit rows: one query per kind of record on the page, whatever
 * its size. A record not found in the trust (deleted, another trust's, of an unknown kind) is gone.
 */
export async function nameRecords(
  db: DbOrTx,
  trustId: string,
  refs: { entity: string; entityId: string }[],
): Promise<(ref: { entity: string; entityId: string }) => AuditRecord> {
  const idsByKind = new Map<AuditEntity, Set<string>>();
  for (const { entity, entityId } of refs) {
    if (!isKnownEntity(entity) || !uuidPattern.test(entityId)) continue;
    const ids = idsByKind.get(entity) ?? new Set<string>();
    ids.add(entityId.toLowerCase());
    idsByKind.set(entity, ids);
  }
  const found = new Map<string, Found>();
  for (const [entity, ids] of idsByKind) {
    for (const [id, record] of await lookups[entity](db, trustId, [...ids])) found.set(`${entity}:${id}`, record);
  }
  return ({ entity, entityId }) => found.get(`${entity}:${entityId.toLowerCase()}`) ?? { state: "gone" };
}
