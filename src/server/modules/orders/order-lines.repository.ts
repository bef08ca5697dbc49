import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { placementSites } from "../catalog/catalog.table.ts";
import { accessProfileVersions, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { placementRows } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { userNameOf } from "../users/users.public.ts";
import {
  knownUsername,
  type LineScope,
  type LinesQuery,
  listOrder,
  listWhere,
  pageNeeds,
  scopeWhere,
  startCutoff,
} from "./order-lines-list.repository.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

export type { LineScope } from "./order-lines-list.repository.ts";

const rowOf = alias(placementRows, "line_row");

/** The columns of a line as the API shows it (`orderLineSchema`), joined read-only in one statement. */
const lineColumns = {
  id: orderLines.id,
  orderId: orderLines.orderId,
  orderNumber: orders.number,
  reference: orders.reference,
  trustId: orderLines.trustId,
  trustName: trusts.name,
  institutionId: orderLines.institutionId,
  institutionShortName: institutions.shortName,
  overviewId: orders.overviewId,
  sheetId: orderLines.sheetId,
  sheetName: orders.sheetName,
  rowId: orderLines.rowId,
  personId: orderLines.personId,
  lastName: persons.lastName,
  firstName: persons.firstName,
  email: persons.email,
  placementSite: sql<string>`coalesce(${placementSites.name}, ${rowOf.placementSiteName}, '')`,
  systemId: orderLines.systemId,
  systemName: clinicalSystems.name,
  role: orderLines.role,
  profileVersionId: orderLines.profileVersionId,
  profileVersion: accessProfileVersions.version,
  exceptionId: orderLines.exceptionId,
  validFrom: orderLines.validFrom,
  validTo: orderLines.validTo,
  state: orderLines.state,
  changeType: orderLines.changeType,
  replacesLineId: orderLines.replacesLineId,
  changes: orderLines.changes,
  acceptedWarnings: orderLines.acceptedWarnings,
  knownUsername,
  typedUsername: sql<string>`coalesce(${rowOf.previousUsername}, '')`,
  usernameDelivery: orderLines.usernameDelivery,
  rejectReason: orderLines.rejectReason,
  fouMessage: orderLines.fouMessage,
  orderedAt: orderLines.orderedAt,
  approvedAt: orderLines.approvedAt,
  approvedBy: orderLines.approvedBy,
  approvedByName: userNameOf(orderLines.approvedBy),
  implementedAt: orderLines.implementedAt,
  implementedBy: orderLines.implementedBy,
  implementedByName: userNameOf(orderLines.implementedBy),
  rejectedAt: orderLines.rejectedAt,
  rejectedBy: orderLines.rejectedBy,
  rejectedByName: userNameOf(orderLines.rejectedBy),
};

export type LineRow = Awaited<ReturnType<ReturnType<typeof createOrderLinesRepository>["list"]>>["items"][number];

/** The order lines of the IT provider's queue and of FOU's views, and the moves the IT provider makes. */
export function createOrderLinesRepository({ db }: { db: DbOrTx }) {
  /**
   * The lines with what they are shown with; for a page, its ids (`page`) joined first, so the
   * planner looks up only those lines and what they show.
   */
  function selectLines(page?: ReturnType<typeof pageOf>) {
    let lines = (page ? db.with(page) : db).select(lineColumns).from(orderLines).$dynamic();
    if (page) lines = lines.innerJoin(page, eq(page.id, orderLines.id));
    return lines
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
      .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
      .innerJoin(persons, eq(persons.id, orderLines.personId))
      .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
      .innerJoin(accessProfileVersions, eq(accessProfileVersions.id, orderLines.profileVersionId))
      .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
      .leftJoin(rowOf, eq(rowOf.id, orderLines.rowId))
      .leftJoin(placementSites, eq(placementSites.id, rowOf.placementSiteId));
  }

  /** The ids of one page of the list, with only the joins its search and sort need. */
  function pageOf(scope: LineScope, q: LinesQuery) {
    const needs = pageNeeds(q);
    const where = listWhere(scope, q);
    let ids = db.select({ id: orderLines.id }).from(orderLines).$dynamic();
    if (needs.search) ids = ids.innerJoin(orders, eq(orders.id, orderLines.orderId));
    if (needs.persons) ids = ids.innerJoin(persons, eq(persons.id, orderLines.personId));
    if (needs.search) ids = ids.leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash));
    if (needs.systems) ids = ids.innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId));
    if (needs.trusts) ids = ids.innerJoin(trusts, eq(trusts.id, orderLines.trustId));
    const lines = sql`select ${orderLines.validFrom} from ${orderLines} where ${where}`;
    ids = ids
      .where(and(where, startCutoff(lines, q)))
      .orderBy(...listOrder(q))
      .limit(q.limit)
      .offset(q.offset);
    return db.$with("page").as(ids);
  }

  /** The list's total: the line's own columns, joined only for a search (every join matches one row). */
  function countLines(scope: LineScope, q: LinesQuery) {
    const count = db.select({ n: sql<number>`count(*)::int` }).from(orderLines).$dynamic();
    const counted = q.q
      ? count
          .innerJoin(orders, eq(orders.id, orderLines.orderId))
          .innerJoin(persons, eq(persons.id, orderLines.personId))
          .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
          .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
      : count;
    return counted.where(listWhere(scope, q));
  }

  return {
    /**
     * One page of the lines the scope reaches and the query picks, with their total: two
     * statements. The page's ids are taken first (only the joins its search and sort need), and
     * only those lines are joined to what they show.
     */
    async list(scope: LineScope, q: LinesQuery) {
      const items = await selectLines(pageOf(scope, q)).orderBy(...listOrder(q));
      const [total] = await countLines(scope, q);
      return { items, total: total?.n ?? 0 };
    },

    /**
     * The scope's lines with these ids, locked for the move the transaction makes, with what the
     * move needs of their person. Lines the scope does not reach are not found.
     */
    lockForMove(scope: LineScope, ids: string[]) {
      return db
        .select({
          id: orderLines.id,
          trustId: orderLines.trustId,
          trustName: trusts.name,
          institutionId: orderLines.institutionId,
          orderId: orderLines.orderId,
          overviewId: orders.overviewId,
          sheetId: orderLines.sheetId,
          sheetName: orders.sheetName,
          rowId: orderLines.rowId,
          personId: orderLines.personId,
          state: orderLines.state,
          validFrom: orderLines.validFrom,
          lastName: persons.lastName,
          firstName: persons.firstName,
          nationalIdHash: persons.nationalIdHash,
          emailConfirmed: sql<boolean>`(${persons.email} is not null and ${persons.emailConfirmedAt} is not null)`,
        })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
        .where(and(scopeWhere(scope), anyOf(orderLines.id, ids, "uuid")))
        .orderBy(asc(orderLines.id))
        .for("update", { of: orderLines });
    },

    /** Moves these lines to `state`, recording who and when (and the reason of a rejection). */
    async move(
      ids: string[],
      change: { state: "approved"; by: string; at: Date } | { state: "rejected"; by: string; at: Date; reason: string },
    ) {
      const values =
        change.state === "approved"
          ? { state: change.state, approvedBy: change.by, approvedAt: change.at }
          : { state: change.state, rejectedBy: change.by, rejectedAt: change.at, rejectReason: change.reason };
      await db
        .update(orderLines)
        .set({ ...values, updatedAt: change.at })
        .where(anyOf(orderLines.id, ids, "uuid"));
    },

    /** Implements lines, each with its username and who sends it: one statement for any number. */
    async implement(lines: { id: string; username: string; delivery: "app" | "provider" }[], by: string, at: Date) {
      if (lines.length === 0) return;
      const p = (f: (l: (typeof lines)[number]) => string) => sql.param(lines.map(f));
      await db.execute(sql`
        update ${orderLines} set state = 'implemented', implemented_by = ${by}::uuid,
          implemented_at = ${at.toISOString()}::timestamptz, updated_at = ${at.toISOString()}::timestamptz,
          username = v.username, username_delivery = v.delivery
        from unnest(${p((l) => l.id)}::uuid[], ${p((l) => l.username)}::text[], ${p((l) => l.delivery)}::text[])
          as v(id, username, delivery)
        where ${orderLines.id} = v.id`);
    },

    /** One line of the trust, locked, for FOU's message on it. */
    async lockOne(trustId: string, id: string) {
      const [row] = await db
        .select({ id: orderLines.id, state: orderLines.state, institutionId: orderLines.institutionId })
        .from(orderLines)
        .where(and(eq(orderLines.trustId, trustId), eq(orderLines.id, id)))
        .for("update");
      return row;
    },
    async setFouMessage(id: string, message: string | null, at: Date) {
      await db.update(orderLines).set({ fouMessage: message, updatedAt: at }).where(eq(orderLines.id, id));
    },

    /** One line as the API shows it (after a change). */
    async findShown(scope: LineScope, id: string) {
      const [row] = await selectLines().where(and(scopeWhere(scope), eq(orderLines.id, id)));
      return row;
    },

    /** The username and e-mail settings of these trusts. */
    trustSettings(trustIds: string[]) {
      return db
        .select({
          id: trusts.id,
          appSendsUsernames: trusts.appSendsUsernames,
          usernameDaysBefore: trusts.usernameDaysBefore,
        })
        .from(trusts)
        .where(anyOf(trusts.id, trustIds, "uuid"));
    },
  };
}
