import { and, eq, inArray } from "drizzle-orm";
import type { AuditEntity, AuditRecord } from "../../../contracts/audit.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { accountRequests } from "../account-requests/account-requests.table.ts";
import { placementSites, professions, programmes } from "../catalog/catalog.table.ts";
import { accessProfiles, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { identityProviders, userIdentities } from "../identity-providers/identity-providers.table.ts";
import { agreements } from "../institutions/agreements.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { orderLines, orders } from "../orders/orders.table.ts";
import { overviews, placementRows, rowComments, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { campaigns, hrTransferExports, registrations } from "../registrations/registrations.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";

/*
 * The names of the records audit rows point at. The audit trail names records of every module, so
 * this reads their tables directly (read-only, like the retention job) instead of asking a dozen
 * modules: one query per kind of record for a whole page, each scoped to the caller's trust.
 */

type Found = Exclude<AuditRecord, { state: "gone" }>;
type Lookup = (db: DbOrTx, trustId: string, ids: string[]) => Promise<[string, Found][]>;

const named = (name: string, ...details: (string | null | undefined)[]): Found => ({
  state: "named",
  name,
  details: details.filter((d): d is string => Boolean(d)),
});

/** A student as the overview shows them: "Kari Nordmann"; anonymised rows and persons keep no name. */
function student(r: { firstName: string; lastName: string; anonymisedAt: Date | null }, ...details: string[]): Found {
  if (r.anonymisedAt) return { state: "anonymised", details };
  return named([r.firstName, r.lastName].filter(Boolean).join(" "), ...details);
}

/** A notification by what it said (its first line, shortened), with its recipient. */
function notificationName(text: string, recipient: string): Found {
  const first = text.split("\n")[0]?.trim() ?? "";
  return named(first.length > 80 ? `${first.slice(0, 79)}…` : first, recipient);
}

/** Users the trust knows: they hold (or held until now) a role there. */
const usersOfTrust = (db: DbOrTx, trustId: string) =>
  db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.trustId, trustId));

const trustName: Lookup = async (db, trustId, ids) =>
  (
    await db
      .select({ id: trusts.id, name: trusts.name })
      .from(trusts)
      .where(and(eq(trusts.id, trustId), inArray(trusts.id, ids)))
  ).map((r) => [r.id, named(r.name)]);

/** How each kind of record is named. TypeScript holds this complete: a new kind needs its lookup. */
const lookups: Record<AuditEntity, Lookup> = {
  user: async (db, trustId, ids) =>
    (
      await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(inArray(users.id, ids), inArray(users.id, usersOfTrust(db, trustId))))
    ).map((r) => [r.id, named(r.name, r.email)]),

  membership: async (db, trustId, ids) =>
    (
      await db
        .select({ id: memberships.id, role: memberships.role, name: users.name, institution: institutions.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
        .where(and(eq(memberships.trustId, trustId), inArray(memberships.id, ids)))
    ).map((r) => [r.id, { ...named(r.name, r.institution), role: r.role }]),

  user_identity: async (db, trustId, ids) =>
    (
      await db
        .select({ id: userIdentities.id, name: users.name, provider: identityProviders.displayName })
        .from(userIdentities)
        .innerJoin(users, eq(users.id, userIdentities.userId))
        .innerJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
        .where(and(eq(identityProviders.trustId, trustId), inArray(userIdentities.id, ids)))
    ).map((r) => [r.id, named(r.name, r.provider)]),

  trust: trustName,
  /** An export of the log names the trust whose log it is. */
  audit: trustName,

  /** Institutions are shared by every trust of the region (names only), as their list is. */
  institution: async (db, _trustId, ids) =>
    (
      await db
        .select({ id: institutions.id, name: institutions.name })
        .from(institutions)
        .where(inArray(institutions.id, ids))
    ).map((r) => [r.id, named(r.name)]),

  agreement: async (db, trustId, ids) =>
    (
      await db
        .select({ id: agreements.id, name: institutions.name })
        .from(agreements)
        .innerJoin(institutions, eq(institutions.id, agreements.institutionId))
        .where(and(eq(agreements.trustId, trustId), inArray(agreements.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  profession: async (db, trustId, ids) =>
    (
      await db
        .select({ id: professions.id, name: professions.name })
        .from(professions)
        .where(and(eq(professions.trustId, trustId), inArray(professions.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  programme: async (db, trustId, ids) =>
    (
      await db
        .select({ id: programmes.id, name: programmes.name, institution: institutions.shortName })
        .from(programmes)
        .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
        .where(and(eq(programmes.trustId, trustId), inArray(programmes.id, ids)))
    ).map((r) => [r.id, named(r.name, r.institution)]),

  placement_site: async (db, trustId, ids) =>
    (
      await db
        .select({ id: placementSites.id, name: placementSites.name, department: placementSites.department })
        .from(placementSites)
        .where(and(eq(placementSites.trustId, trustId), inArray(placementSites.id, ids)))
    ).map((r) => [r.id, named(r.name, r.department)]),

  identity_provider: async (db, trustId, ids) =>
    (
      await db
        .select({ id: identityProviders.id, name: identityProviders.displayName })
        .from(identityProviders)
        .where(and(eq(identityProviders.trustId, trustId), inArray(identityProviders.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  account_request: async (db, trustId, ids) =>
    (
      await db
        .select({ id: accountRequests.id, name: accountRequests.name, email: accountRequests.email })
        .from(accountRequests)
        .where(and(eq(accountRequests.trustId, trustId), inArray(accountRequests.id, ids)))
    ).map((r) => [r.id, named(r.name, r.email)]),

  overview: async (db, trustId, ids) =>
    (
      await db
        .select({ id: overviews.id, name: overviews.name })
        .from(overviews)
        .where(and(eq(overviews.trustId, trustId), inArray(overviews.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  sheet: async (db, trustId, ids) =>
    (
      await db
        .select({ id: sheets.id, name: sheets.name, overview: overviews.name })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustId), inArray(sheets.id, ids)))
    ).map((r) => [r.id, named(r.name, r.overview)]),

  placement_row: async (db, trustId, ids) =>
    (
      await db
        .select({
          id: placementRows.id,
          firstName: placementRows.firstName,
          lastName: placementRows.lastName,
          anonymisedAt: placementRows.anonymisedAt,
          sheet: sheets.name,
          overview: overviews.name,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustId), inArray(placementRows.id, ids)))
    ).map((r) => [r.id, student(r, r.overview, r.sheet)]),

  /** A comment by the row's student, as it stands in the grid. */
  row_comment: async (db, trustId, ids) =>
    (
      await db
        .select({
          id: rowComments.id,
          firstName: placementRows.firstName,
          lastName: placementRows.lastName,
          anonymisedAt: placementRows.anonymisedAt,
          sheet: sheets.name,
          overview: overviews.name,
        })
        .from(rowComments)
        .innerJoin(placementRows, eq(placementRows.id, rowComments.rowId))
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustId), inArray(rowComments.id, ids)))
    ).map((r) => [r.id, student(r, r.overview, r.sheet)]),

  person: async (db, trustId, ids) =>
    (
      await db
        .select({
          id: persons.id,
          firstName: persons.firstName,
          lastName: persons.lastName,
          anonymisedAt: persons.anonymisedAt,
        })
        .from(persons)
        .where(and(eq(persons.trustId, trustId), inArray(persons.id, ids)))
    ).map((r) => [r.id, student(r)]),

  notification: async (db, trustId, ids) =>
    (
      await db
        .select({ id: notifications.id, text: notifications.text, recipient: users.name })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(eq(notifications.trustId, trustId), inArray(notifications.id, ids)))
    ).map((r) => [r.id, notificationName(r.text, r.recipient)]),

  campaign: async (db, trustId, ids) =>
    (
      await db
        .select({ id: campaigns.id, name: campaigns.name, institution: institutions.shortName })
        .from(campaigns)
        .innerJoin(institutions, eq(institutions.id, campaigns.institutionId))
        .where(and(eq(campaigns.trustId, trustId), inArray(campaigns.id, ids)))
    ).map((r) => [r.id, named(r.name, r.institution)]),

  /** A student's registration by their name, with the campaign. */
  registration: async (db, trustId, ids) =>
    (
      await db
        .select({
          id: registrations.id,
          firstName: registrations.firstName,
          lastName: registrations.lastName,
          campaign: campaigns.name,
        })
        .from(registrations)
        .innerJoin(campaigns, eq(campaigns.id, registrations.campaignId))
        .where(and(eq(registrations.trustId, trustId), inArray(registrations.id, ids)))
    ).map((r) => [r.id, student({ ...r, anonymisedAt: null }, r.campaign)]),

  /** An HR transfer file by its format and day. */
  hr_transfer_export: async (db, trustId, ids) =>
    (
      await db
        .select({ id: hrTransferExports.id, format: hrTransferExports.format, createdAt: hrTransferExports.createdAt })
        .from(hrTransferExports)
        .where(and(eq(hrTransferExports.trustId, trustId), inArray(hrTransferExports.id, ids)))
    ).map((r) => [r.id, named(`${r.format.toUpperCase()} ${r.createdAt.toISOString().slice(0, 10)}`)]),

  clinical_system: async (db, trustId, ids) =>
    (
      await db
        .select({ id: clinicalSystems.id, name: clinicalSystems.name })
        .from(clinicalSystems)
        .where(and(eq(clinicalSystems.trustId, trustId), inArray(clinicalSystems.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  /** An access profile by its profession. */
  access_profile: async (db, trustId, ids) =>
    (
      await db
        .select({ id: accessProfiles.id, name: professions.name })
        .from(accessProfiles)
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(and(eq(accessProfiles.trustId, trustId), inArray(accessProfiles.id, ids)))
    ).map((r) => [r.id, named(r.name)]),

  /** An order by its number and sheet: "12 · Praksis 1 vår 2027". */
  order: async (db, trustId, ids) =>
    (
      await db
        .select({ id: orders.id, number: orders.number, sheetName: orders.sheetName })
        .from(orders)
        .where(and(eq(orders.trustId, trustId), inArray(orders.id, ids)))
    ).map((r) => [r.id, named(`${r.number} · ${r.sheetName}`)]),

  /** An order line by its student, with the system: "Kari Nordmann" (DIPS Arena). */
  order_line: async (db, trustId, ids) =>
    (
      await db
        .select({
          id: orderLines.id,
          lastName: persons.lastName,
          firstName: persons.firstName,
          anonymisedAt: persons.anonymisedAt,
          system: clinicalSystems.name,
        })
        .from(orderLines)
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
        .where(and(eq(orderLines.trustId, trustId), inArray(orderLines.id, ids)))
    ).map((r) => [r.id, student(r, r.system)]),
};

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
