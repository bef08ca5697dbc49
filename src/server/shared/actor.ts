import type { Role } from "../../contracts/common.ts";
import { forbidden } from "./errors.ts";

/** The caller every use-case receives: who, at which trust, in which roles and institutions. */
export interface Actor {
  userId: string;
  isSystemAdmin: boolean;
  /** The active trust; null for a person without memberships (a system administrator only). */
  trustId: string | null;
  roles: Role[];
  /** Institutions the person coordinates at the active trust. */
  institutionIds: string[];
  requestId: string | null;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** The active trust of a caller holding one of `roles` there; 403 otherwise. */
export function requireRole(actor: Actor, ...roles: Role[]): string {
  if (!actor.trustId || !hasRole(actor, ...roles)) throw forbidden();
  return actor.trustId;
}

export function requireSystemAdmin(actor: Actor): void {
  if (!actor.isSystemAdmin) throw forbidden();
}
