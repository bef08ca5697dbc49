import { and, eq } from "drizzle-orm";
import { professions } from "../catalog/catalog.table.ts";
import { accessProfiles, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { orderLines, orders } from "../orders/orders.table.ts";
import { overviews, placementRows, rowComments, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { campaigns, hrTransferExports, registrations } from "../registrations/registrations.table.ts";
import { users } from "../users/users.table.ts";
import {
  builtLookup,
  idsIn,
  type Lookup,
  named,
  notificationName,
  student,
  trustParam,
} from "./record-names.repository.ts";

/** The names of the students' records: documents, rows, persons, registrations and orders. */
export const studentLookups = {
  overview: builtLookup(
    "overview",
    (db) =>
      db
        .select({ id: overviews.id, name: overviews.name })
        .from(overviews)
        .where(and(eq(overviews.trustId, trustParam), idsIn(overviews.id))),
    (r) => [r.id, named(r.name)],
  ),

  sheet: builtLookup(
    "sheet",
    (db) =>
      db
        .select({ id: sheets.id, name: sheets.name, overview: overviews.name })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustParam), idsIn(sheets.id))),
    (r) => [r.id, named(r.name, r.overview)],
  ),

  placement_row: builtLookup(
    "placement_row",
    (db) =>
      db
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
        .where(and(eq(overviews.trustId, trustParam), idsIn(placementRows.id))),
    (r) => [r.id, student(r, r.overview, r.sheet)],
  ),

  /** A comment by the row's student, as it stands in the grid. */
  row_comment: builtLookup(
    "row_comment",
    (db) =>
      db
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
        .where(and(eq(overviews.trustId, trustParam), idsIn(rowComments.id))),
    (r) => [r.id, student(r, r.overview, r.sheet)],
  ),

  person: builtLookup(
    "person",
    (db) =>
      db
        .select({
          id: persons.id,
          firstName: persons.firstName,
          lastName: persons.lastName,
          anonymisedAt: persons.anonymisedAt,
        })
        .from(persons)
        .where(and(eq(persons.trustId, trustParam), idsIn(persons.id))),
    (r) => [r.id, student(r)],
  ),

  notification: builtLookup(
    "notification",
    (db) =>
      db
        .select({ id: notifications.id, text: notifications.text, recipient: users.name })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(eq(notifications.trustId, trustParam), idsIn(notifications.id))),
    (r) => [r.id, notificationName(r.text, r.recipient)],
  ),

  campaign: builtLookup(
    "campaign",
    (db) =>
      db
        .select({ id: campaigns.id, name: campaigns.name, institution: institutions.shortName })
        .from(campaigns)
        .innerJoin(institutions, eq(institutions.id, campaigns.institutionId))
        .where(and(eq(campaigns.trustId, trustParam), idsIn(campaigns.id))),
    (r) => [r.id, named(r.name, r.institution)],
  ),

  /** A student's registration by their name, with the campaign. */
  registration: builtLookup(
    "registration",
    (db) =>
      db
        .select({
          id: registrations.id,
          firstName: registrations.firstName,
          lastName: registrations.lastName,
          campaign: campaigns.name,
        })
        .from(registrations)
        .innerJoin(campaigns, eq(campaigns.id, registrations.campaignId))
        .where(and(eq(registrations.trustId, trustParam), idsIn(registrations.id))),
    (r) => [r.id, student({ ...r, anonymisedAt: null }, r.campaign)],
  ),

  /** An HR transfer file by its format and day. */
  hr_transfer_export: builtLookup(
    "hr_transfer_export",
    (db) =>
      db
        .select({ id: hrTransferExports.id, format: hrTransferExports.format, createdAt: hrTransferExports.createdAt })
        .from(hrTransferExports)
        .where(and(eq(hrTransferExports.trustId, trustParam), idsIn(hrTransferExports.id))),
    (r) => [r.id, named(`${r.format.toUpperCase()} ${r.createdAt.toISOString().slice(0, 10)}`)],
  ),

  clinical_system: builtLookup(
    "clinical_system",
    (db) =>
      db
        .select({ id: clinicalSystems.id, name: clinicalSystems.name })
        .from(clinicalSystems)
        .where(and(eq(clinicalSystems.trustId, trustParam), idsIn(clinicalSystems.id))),
    (r) => [r.id, named(r.name)],
  ),

  /** An access profile by its profession. */
  access_profile: builtLookup(
    "access_profile",
    (db) =>
      db
        .select({ id: accessProfiles.id, name: professions.name })
        .from(accessProfiles)
        .innerJoin(professions, eq(professions.id, accessProfiles.professionId))
        .where(and(eq(accessProfiles.trustId, trustParam), idsIn(accessProfiles.id))),
    (r) => [r.id, named(r.name)],
  ),

  /** An order by its number and sheet: "12 · Praksis 1 vår 2027". */
  order: builtLookup(
    "order",
    (db) =>
      db
        .select({ id: orders.id, number: orders.number, sheetName: orders.sheetName })
        .from(orders)
        .where(and(eq(orders.trustId, trustParam), idsIn(orders.id))),
    (r) => [r.id, named(`${r.number} · ${r.sheetName}`)],
  ),

  /** An order line by its student, with the system: "Kari Nordmann" (DIPS Arena). */
  order_line: builtLookup(
    "order_line",
    (db) =>
      db
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
        .where(and(eq(orderLines.trustId, trustParam), idsIn(orderLines.id))),
    (r) => [r.id, student(r, r.system)],
  ),
} satisfies Record<string, Lookup>;
