import { allows, allowsCaller, allowsTrustWide, type PolicyName } from "../../contracts/policies.ts";
import type { Role } from "../../contracts/vocabulary.ts";
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

/** Whether the caller holds `policy` (src/contracts/policies.ts), a system administrator's flag included. */
export const may = (actor: Actor, policy: PolicyName) => allowsCaller(actor, policy);

/** 403 unless the caller holds `policy`, a system administrator's flag included. */
export function requireMay(actor: Actor, policy: PolicyName): void {
  if (!may(actor, policy)) throw forbidden();
}

/**
 * The active trust of a caller whose roles there hold `policy`; 403 otherwise. A system
 * administrator's flag does not count: it names no trust.
 */
export function requirePolicy(actor: Actor, policy: PolicyName): string {
  if (!actor.trustId || !allows(actor.roles, policy)) throw forbidden();
  return actor.trustId;
}

/** Whether the caller holds `policy` for the whole trust, not only for the institutions they coordinate. */
export const seesWholeTrust = (actor: Actor, policy: PolicyName) => allowsTrustWide(actor.roles, policy);
