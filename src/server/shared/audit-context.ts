import type { AuditContext } from "../modules/audit/audit.repository.ts";
import type { Actor } from "./actor.ts";

export const auditContext = (actor: Actor): AuditContext => ({
  actorId: actor.userId,
  trustId: actor.trustId,
  requestId: actor.requestId,
});
