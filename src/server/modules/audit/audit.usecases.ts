import type { z } from "zod";
import type { auditQuery } from "../../../contracts/audit.ts";
import { type Actor, requireRole } from "../../shared/actor.ts";
import type { Db } from "../../shared/database.ts";
import { invalid } from "../../shared/errors.ts";
import { listAudit } from "./audit.repository.ts";

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw invalid("audit.bad_cursor", "The page cursor is not valid.");
  return { at: date, id };
}

/** The audit trail as the trust's admins read it: filter by who, what, when and which record. */
export function createAuditUsecases({ db }: { db: Db }) {
  return {
    async list(actor: Actor, q: z.infer<typeof auditQuery>) {
      const trustId = requireRole(actor, "admin");
      const rows = await listAudit(db, {
        trustId,
        actorId: q.actorId,
        entity: q.entity,
        entityId: q.entityId,
        action: q.action,
        from: q.from,
        to: q.to,
        before: q.before ? decodeCursor(q.before) : undefined,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        events: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actor: r.actorId ? { id: r.actorId, name: r.actorName ?? "", email: r.actorEmail ?? "" } : null,
          institutionId: r.institutionId,
          entity: r.entity,
          entityId: r.entityId,
          action: r.action,
          fields: r.fields,
          requestId: r.requestId,
        })),
        next: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
      };
    },
  };
}
export type AuditUsecases = ReturnType<typeof createAuditUsecases>;
