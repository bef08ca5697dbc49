import { and, eq, inArray } from "drizzle-orm";
import { accountRequests } from "../account-requests/account-requests.table.ts";
import { placementSites, professions, programmes } from "../catalog/catalog.table.ts";
import { identityProviders, userIdentities } from "../identity-providers/identity-providers.table.ts";
import { agreements } from "../institutions/agreements.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { builtLookup, idsIn, type Lookup, named, trustParam, usersOfTrust } from "./record-names.repository.ts";

const trustName = (kind: string): Lookup =>
  builtLookup(
    kind,
    (db) =>
      db
        .select({ id: trusts.id, name: trusts.name })
        .from(trusts)
        .where(and(eq(trusts.id, trustParam), idsIn(trusts.id))),
    (r) => [r.id, named(r.name)],
  );

/** The names of the trust's own records: people, roles, sign-in, agreements and the catalogue. */
export const organisationLookups = {
  user: builtLookup(
    "user",
    (db) =>
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(idsIn(users.id), inArray(users.id, usersOfTrust(db)))),
    (r) => [r.id, named(r.name, r.email)],
  ),

  membership: builtLookup(
    "membership",
    (db) =>
      db
        .select({ id: memberships.id, role: memberships.role, name: users.name, institution: institutions.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
        .where(and(eq(memberships.trustId, trustParam), idsIn(memberships.id))),
    (r) => [r.id, { ...named(r.name, r.institution), role: r.role }],
  ),

  user_identity: builtLookup(
    "user_identity",
    (db) =>
      db
        .select({ id: userIdentities.id, name: users.name, provider: identityProviders.displayName })
        .from(userIdentities)
        .innerJoin(users, eq(users.id, userIdentities.userId))
        .innerJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
        .where(and(eq(identityProviders.trustId, trustParam), idsIn(userIdentities.id))),
    (r) => [r.id, named(r.name, r.provider)],
  ),

  trust: trustName("trust"),
  /** An export of the log names the trust whose log it is. */
  audit: trustName("audit"),

  /** Institutions are shared by every trust of the region (names only), as their list is. */
  institution: builtLookup(
    "institution",
    (db) =>
      db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(idsIn(institutions.id)),
    (r) => [r.id, named(r.name)],
  ),

  agreement: builtLookup(
    "agreement",
    (db) =>
      db
        .select({ id: agreements.id, name: institutions.name })
        .from(agreements)
        .innerJoin(institutions, eq(institutions.id, agreements.institutionId))
        .where(and(eq(agreements.trustId, trustParam), idsIn(agreements.id))),
    (r) => [r.id, named(r.name)],
  ),

  profession: builtLookup(
    "profession",
    (db) =>
      db
        .select({ id: professions.id, name: professions.name })
        .from(professions)
        .where(and(eq(professions.trustId, trustParam), idsIn(professions.id))),
    (r) => [r.id, named(r.name)],
  ),

  programme: builtLookup(
    "programme",
    (db) =>
      db
        .select({ id: programmes.id, name: programmes.name, institution: institutions.shortName })
        .from(programmes)
        .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
        .where(and(eq(programmes.trustId, trustParam), idsIn(programmes.id))),
    (r) => [r.id, named(r.name, r.institution)],
  ),

  placement_site: builtLookup(
    "placement_site",
    (db) =>
      db
        .select({ id: placementSites.id, name: placementSites.name, department: placementSites.department })
        .from(placementSites)
        .where(and(eq(placementSites.trustId, trustParam), idsIn(placementSites.id))),
    (r) => [r.id, named(r.name, r.department)],
  ),

  identity_provider: builtLookup(
    "identity_provider",
    (db) =>
      db
        .select({ id: identityProviders.id, name: identityProviders.displayName })
        .from(identityProviders)
        .where(and(eq(identityProviders.trustId, trustParam), idsIn(identityProviders.id))),
    (r) => [r.id, named(r.name)],
  ),

  account_request: builtLookup(
    "account_request",
    (db) =>
      db
        .select({ id: accountRequests.id, name: accountRequests.name, email: accountRequests.email })
        .from(accountRequests)
        .where(and(eq(accountRequests.trustId, trustParam), idsIn(accountRequests.id))),
    (r) => [r.id, named(r.name, r.email)],
  ),
} satisfies Record<string, Lookup>;
