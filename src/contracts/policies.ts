import { roles as everyRole, type Role } from "./vocabulary.ts";

/**
 * What a policy allows and to whom: the roles at the active trust that hold it, and whether a
 * system administrator holds it without a role there.
 */
export interface Policy {
  roles: readonly Role[];
  systemAdmin?: true;
}

/** Those who work in the placement overviews: the trust's admins, FOU and the institutions' coordinators. */
const overviewPeople = ["admin", "student_admin", "coordinator"] as const satisfies Role[];

/**
 * Who may do what, named after what it allows: the one place that names roles. The routes declare
 * a policy (`config: { access: "overviews.read" }`), the use-cases check it (`requirePolicy`), the
 * web gates its pages and menus by it, and the isolation matrix derives from it who may call what.
 * A new feature adds its policies here. Policies named `menu.*` and `start.*` are what the web's
 * main menu and the start page show; they allow no call.
 */
export const policies = {
  /** The start page's counts. */
  "dashboard.read": { roles: everyRole },
  /** Professions, programmes and placement sites: read by the trust's people (coordinators: their institutions'). */
  "catalog.read": { roles: everyRole },
  "catalog.manage": { roles: ["admin"] },
  /** Institutions are the region's: read by the trust's people and system administrators. */
  "institutions.read": { roles: everyRole, systemAdmin: true },
  "institutions.manage": { roles: ["admin"], systemAdmin: true },
  /** Agreements with institutions (coordinators see their own institution's, to know their FOU contacts). */
  "agreements.read": { roles: overviewPeople },
  "agreements.manage": { roles: ["admin"] },
  /** Who may be named an agreement's FOU contact (main or deputy). */
  "agreements.contact": { roles: ["student_admin"] },
  /** Overview documents, sheets, rows, comments, search and the templates (coordinators: their institutions'). */
  "overviews.read": { roles: overviewPeople },
  "overviews.write": { roles: overviewPeople },
  "overviews.submit": { roles: overviewPeople },
  /** A national ID in full, audited (coordinators: from their own institution's rows only). */
  "persons.revealNationalId": { roles: overviewPeople },
  /** Persons who may be the same student, and merging them. */
  "persons.merge": { roles: ["admin", "student_admin"] },
  /** Registration campaigns (SPEC §3.1): created, extended, closed and given personal links by FOU and admins. */
  "campaigns.manage": { roles: ["admin", "student_admin"] },
  /** Campaigns, their links and QR codes, and their registrations (coordinators: their institutions'). */
  "campaigns.read": { roles: overviewPeople },
  /** Matching registrations to persons and rows by hand, undoing a match, confirming a registration. */
  "registrations.match": { roles: ["admin", "student_admin"] },
  /** The HR transfer file (it holds national IDs; each export audited), marking persons transferred, Webcruiter's import. */
  "hrTransfer.manage": { roles: ["admin", "student_admin"] },
  /**
   * The trust's clinical systems and access profiles (SPEC §3.5): kept by its admins, read by FOU,
   * who orders access with them. Coordinators, the IT provider and E-Helse read neither.
   */
  "clinicalSystems.read": { roles: ["admin", "student_admin"] },
  "clinicalSystems.manage": { roles: ["admin"] },
  "accessProfiles.read": { roles: ["admin", "student_admin"] },
  "accessProfiles.manage": { roles: ["admin"] },
  /**
   * Orders of access (SPEC §3.2 steps 4–5): FOU orders, cancels, exports and marks orders ordered and
   * uploads the portal's status report; admins read them. The IT provider decides the lines of every
   * trust it serves (ADR 0007: its scope is the trusts where it holds the role) and reads them there.
   * Coordinators read their own students' readiness; E-Helse reads nothing of orders.
   */
  "orders.create": { roles: ["student_admin"] },
  "orders.read": { roles: ["admin", "student_admin"] },
  "orderLines.read": { roles: ["admin", "student_admin", "it_provider"] },
  "orderLines.decide": { roles: ["it_provider"] },
  "readiness.read": { roles: overviewPeople },
  /**
   * Access that follows the placement (SPEC §3.2 step 6): the IT provider works the deactivation and
   * extension lists of every trust it serves and marks them done; FOU sees them (and uploads the
   * portal's confirmations through the status report) and extends placements. A coordinator withdraws
   * their own institution's students, FOU any. Læringsportalen users (SPEC §3.3) are FOU's.
   */
  "deactivations.read": { roles: ["admin", "student_admin", "it_provider"] },
  "deactivations.mark": { roles: ["it_provider"] },
  "extensions.read": { roles: ["admin", "student_admin", "it_provider"] },
  "extensions.mark": { roles: ["it_provider"] },
  "rows.extend": { roles: ["student_admin"] },
  "rows.withdraw": { roles: ["student_admin", "coordinator"] },
  "learningPortal.read": { roles: ["admin", "student_admin"] },
  "learningPortal.send": { roles: ["student_admin"] },
  "users.manage": { roles: ["admin"] },
  "accountRequests.review": { roles: ["admin"] },
  "identityProviders.manage": { roles: ["admin"] },
  "trust.settings": { roles: ["admin"] },
  "audit.read": { roles: ["admin"] },
  /** The dev mailbox: the active trust's messages, or every message for a system administrator. */
  "devMailbox.read": { roles: ["admin"], systemAdmin: true },
  /** The region's trusts: listing and creating them. */
  "trusts.manage": { roles: [], systemAdmin: true },
  /** The main menu links the programme list (admins have theirs under Administrasjon). */
  "menu.programmes": { roles: ["student_admin", "coordinator"] },
  /** The start page counts the institutions one sees. */
  "start.institutions": { roles: ["coordinator", "it_provider", "ehealth"] },
  /** The start page counts one's institutions' programmes. */
  "start.programmes": { roles: ["coordinator"] },
  /** The start page counts one's institutions' students not registered for an open campaign. */
  "start.registrationsMissing": { roles: ["coordinator"] },
  /** The start page counts FOU's orders not yet sent, rows whose access was rejected and students not ready 14 days before. */
  "start.orders": { roles: ["student_admin"] },
  /** The start page counts one's institutions' students not ready 14 days before their start. */
  "start.readiness": { roles: ["coordinator"] },
  /** The start page counts the lines on the deactivation and extension lists of the trusts one serves. */
  "start.deactivations": { roles: ["it_provider"] },
  /** The start page counts the rows changed after their order and the students waiting for a Læringsportalen user. */
  "start.accessChanges": { roles: ["student_admin"] },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof policies;

/** The role held for one institution (its membership names it); every other role is held for the whole trust. */
export const institutionRole = "coordinator" satisfies Role;

/**
 * The IT provider's role: its order-line policies reach every trust where the person holds it
 * (docs/decisions/0007-it-provider-scope.md), not only the active one.
 */
export const itProviderRole = "it_provider" satisfies Role;

/** The role of a trust's administrators: a new trust's first person gets it, and only they give it. */
export const administratorRole = "admin" satisfies Role;

/** The roles a person can ask for in an account request, in the order the form shows them. */
export const requestableRoles = ["coordinator", "student_admin", "it_provider", "ehealth"] as const satisfies Role[];
export type RequestableRole = (typeof requestableRoles)[number];

/** Whether a membership in `role` names an institution (a form's choice may be no role yet). */
export const heldForInstitution = (role: Role | "") => role === institutionRole;

/** The roles that hold `policy`. */
export const rolesOf = (policy: PolicyName): readonly Role[] => policies[policy].roles;

/** Whether one of `roles` (held at the active trust) holds `policy`. */
export const allows = (roles: readonly Role[], policy: PolicyName) => roles.some((r) => rolesOf(policy).includes(r));

/** Whether a caller holds `policy`: by a role at the active trust, or as a system administrator where it says so. */
export function allowsCaller(caller: { roles: readonly Role[]; isSystemAdmin: boolean }, policy: PolicyName): boolean {
  const entry: Policy = policies[policy];
  return allows(caller.roles, policy) || (entry.systemAdmin === true && caller.isSystemAdmin);
}

/**
 * Whether `roles` hold `policy` through a role held for the whole trust: such a caller sees all of
 * the trust's things the policy covers; one holding it only through a role held for an institution
 * sees that institution's.
 */
export const allowsTrustWide = (roles: readonly Role[], policy: PolicyName) =>
  roles.some((r) => !heldForInstitution(r) && rolesOf(policy).includes(r));
