import type { PolicyName } from "../../../contracts/policies.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";

/**
 * Where a caller may look: their trust, and for coordinators only their institutions. Every query
 * of this module that reads institution data takes it, so another trust's or institution's
 * document, sheet or row is simply not found.
 */
export interface Scope {
  trustId: string;
  /** Null: the whole trust (FOU, admins). */
  institutionIds: string[] | null;
}

/** What a use-case of the overviews does: read, write, submit or reveal a national ID. */
export type OverviewsPolicy = Extract<
  PolicyName,
  "overviews.read" | "overviews.write" | "overviews.submit" | "persons.revealNationalId" | "rows.withdraw"
>;

/**
 * Coordinators see their institutions; FOU (student_admin) and admins the whole trust; a caller
 * without `policy` gets 403. The whole trust is seen by whoever reads it trust-wide.
 */
export function scopeOf(actor: Actor, policy: OverviewsPolicy = "overviews.read"): Scope {
  const trustId = requirePolicy(actor, policy);
  return { trustId, institutionIds: seesWholeTrust(actor, "overviews.read") ? null : actor.institutionIds };
}

/** Whether the caller acts as the institution (coordinator) rather than as the trust (FOU, admin). */
export const actsAsInstitution = (actor: Actor) => !seesWholeTrust(actor, "overviews.read");
