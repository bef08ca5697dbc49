import type { AuditContext } from "../modules/audit/audit.public.ts";
import type { Actor } from "./actor.ts";

/** Who an audit row names; the command line acts without a user row and is recorded as no actor. */
export const auditContext = (actor: Actor): AuditContext => ({
  actorId: actor.userId || null,
  trustId: actor.trustId,
  requestId: actor.requestId,
});
