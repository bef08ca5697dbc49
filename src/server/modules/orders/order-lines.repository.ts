import { and, asc, desc, eq, gte, ilike, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { orderLineSortSchema, orderLinesQuery } from "../../../contracts/orders.ts";
import type { OrderLineState } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { placementSites } from "../catalog/catalog.table.ts";
import { accessProfileVersions, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { placementRows } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { userNameOf } from "../users/users.public.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

/** Which lines a caller reaches: the trusts of their scope, and whether lines never ordered are hidden. */
export interface LineScope {
  trustIds: string[];
  /** The IT provider's view: lines of orders not yet ordered (draft, cancelled) do not exist for it. */
  orderedOnly: boolean;
}

/** States never shown to the IT provider: lines of an order that was not (yet) sent. */
const unsent: OrderLineState[] = ["draft", "cancelled"];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The person's known username: recorded by the IT provider (shared by national ID), else kept on the person. */
const knownUsername = sql<string | null>`coalesce(${usernames.username}, ${persons.username})`;

function scopeWhere(scope: LineScope): SQL | undefined {
  return and(
    anyOf(orderLines.trustId, scope.trustIds, "uuid"),
    scope.orderedOnly ? notInArray(orderLines.state, unsent) : undefined,
  );
}

type Query = z.infer<typeof orderLinesQuery>;

function stateWhere(state: Query["state"]): SQL | undefined {
  if (state === "all") return undefined;
  if (state === "open") return anyOf(orderLines.state, ["ordered", "approved"], "text");
  return eq(orderLines.state, state);
}

function listWhere(scope: LineScope, q: Query): SQL | undefined {
  const pattern = q.q ? `%${escapeLike(q.q)}%` : null;
  return and(
    scopeWhere(scope),
    q.trustId ? eq(orderLines.trustId, q.trustId) : undefined,
    q.institutionId ? eq(orderLines.institutionId, q.institutionId) : undefined,
    q.systemId ? eq(orderLines.systemId, q.systemId) : undefined,
    q.orderId ? eq(orderLines.orderId, q.orderId) : undefined,
    q.from ? gte(orderLines.validFrom, q.from) : undefined,
    q.to ? lte(orderLines.validFrom, q.to) : undefined,
    stateWhere(q.state),
    q.changeType ? eq(orderLines.changeType, q.changeType) : undefined,
    pattern
      ? or(
          ilike(persons.lastName, pattern),
          ilike(persons.firstName, pattern),
          sql`(${persons.firstName} || ' ' || ${persons.lastName}) ilike ${pattern}`,
          ilike(persons.email, pattern),
          sql`${knownUsername} ilike ${pattern}`,
          ilike(clinicalSystems.name, pattern),
          ilike(orders.reference, pattern),
        )
      : undefined,
  );
}

const sortColumns: Record<z.infer<typeof orderLineSortSchema>, SQL[]> = {
  start: [sql`${orderLines.validFrom}`, sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`],
  name: [sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`, sql`${orderLines.validFrom}`],
  system: [sql`lower(${clinicalSystems.name})`, sql`${orderLines.validFrom}`],
  trust: [sql`lower(${trusts.name})`, sql`${orderLines.validFrom}`],
  state: [sql`${orderLines.state}`, sql`${orderLines.validFrom}`],
};

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
  /** The lines with what they are shown with. */
  const selectLines = () =>
    db
      .select(lineColumns)
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
      .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
      .innerJoin(persons, eq(persons.id, orderLines.personId))
      .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
      .innerJoin(accessProfileVersions, eq(accessProfileVersions.id, orderLines.profileVersionId))
      .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
      .leftJoin(rowOf, eq(rowOf.id, orderLines.rowId))
      .leftJoin(placementSites, eq(placementSites.id, rowOf.placementSiteId));
  /** The same lines counted: the joins the filters need. */
  const countLines = () =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(persons, eq(persons.id, orderLines.personId))
      .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
      .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
      .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash));

  return {
    /** One page of the lines the scope reaches and the query picks, with their total: two statements. */
    async list(scope: LineScope, q: Query) {
      const where = listWhere(scope, q);
      const order = q.dir === "desc" ? desc : asc;
      const items = await selectLines()
        .where(where)
        .orderBy(...sortColumns[q.sort].map((c) => order(c)), asc(orderLines.id))
        .limit(q.limit)
        .offset(q.offset);
      const [total] = await countLines().where(where);
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
