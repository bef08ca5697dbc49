import { and, asc, desc, eq, gte, ilike, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { orderLineSortSchema, orderLinesQuery } from "../../../contracts/orders.ts";
import type { OrderLineState } from "../../../domain/order-lines.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

/**
 * The SQL of a list of order lines (the IT provider's queue, FOU's views): its conditions and order,
 * over the lines and the tables joined read-only to search and sort them, for the statements of
 * order-lines.repository.ts.
 */

/** Which lines a caller reaches: the trusts of their scope, and whether lines never ordered are hidden. */
export interface LineScope {
  trustIds: string[];
  /** The IT provider's view: lines of orders not yet ordered (draft, cancelled) do not exist for it. */
  orderedOnly: boolean;
}

export type LinesQuery = z.infer<typeof orderLinesQuery>;

/** States never shown to the IT provider: lines of an order that was not (yet) sent. */
const unsent: OrderLineState[] = ["draft", "cancelled"];

/** The person's known username: recorded by the IT provider (shared by national ID), else kept on the person. */
export const knownUsername = sql<string | null>`coalesce(${usernames.username}, ${persons.username})`;

export function scopeWhere(scope: LineScope): SQL | undefined {
  return and(
    anyOf(orderLines.trustId, scope.trustIds, "uuid"),
    scope.orderedOnly ? notInArray(orderLines.state, unsent) : undefined,
  );
}

function stateWhere(state: LinesQuery["state"]): SQL | undefined {
  if (state === "all") return undefined;
  if (state === "open") return anyOf(orderLines.state, ["ordered", "approved"], "text");
  return eq(orderLines.state, state);
}

/** The scope and the filters on the line's own columns (no join needed). */
function lineWhere(scope: LineScope, q: LinesQuery): SQL | undefined {
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
  );
}

/** The search text over the person, the username, the system and the order (these joined). */
function searchWhere(text: string): SQL | undefined {
  const pattern = containsPattern(text);
  return or(
    ilike(persons.lastName, pattern),
    ilike(persons.firstName, pattern),
    sql`(${persons.firstName} || ' ' || ${persons.lastName}) ilike ${pattern}`,
    ilike(persons.email, pattern),
    sql`${knownUsername} ilike ${pattern}`,
    ilike(clinicalSystems.name, pattern),
    ilike(orders.reference, pattern),
  );
}

export const listWhere = (scope: LineScope, q: LinesQuery): SQL | undefined =>
  and(lineWhere(scope, q), q.q ? searchWhere(q.q) : undefined);

const sortColumns: Record<z.infer<typeof orderLineSortSchema>, SQL[]> = {
  start: [sql`${orderLines.validFrom}`, sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`],
  name: [sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`, sql`${orderLines.validFrom}`],
  system: [sql`lower(${clinicalSystems.name})`, sql`${orderLines.validFrom}`],
  trust: [sql`lower(${trusts.name})`, sql`${orderLines.validFrom}`],
  state: [sql`${orderLines.state}`, sql`${orderLines.validFrom}`],
};

/** The list's order: the sort's columns in its direction, then the line's id. */
export function listOrder(q: LinesQuery): SQL[] {
  const order = q.dir === "desc" ? desc : asc;
  return [...sortColumns[q.sort].map((c) => order(c)), asc(orderLines.id)];
}

/** What the page's ids need joined: the search's tables, and the sort's. */
export function pageNeeds(q: LinesQuery) {
  const search = Boolean(q.q);
  return {
    search,
    persons: search || q.sort === "start" || q.sort === "name",
    systems: search || q.sort === "system",
    trusts: q.sort === "trust",
  };
}

/**
 * Sorted by start without a search, the page's lines start no later (descending: no earlier) than
 * the start of the line at the page's end counted by start alone: the condition lets the page's ids
 * be read by `order_lines_open_start` (or the trust's index) and sorted by name among those only,
 * not among every line of the list. Undefined for other sorts and searches.
 */
export function startCutoff(lines: SQL, q: LinesQuery): SQL | undefined {
  if (q.sort !== "start" || q.q) return undefined;
  const last = q.offset + q.limit - 1;
  return q.dir === "desc"
    ? sql`${orderLines.validFrom} >= coalesce((${lines} order by ${orderLines.validFrom} desc limit 1 offset ${last}), '-infinity'::date)`
    : sql`${orderLines.validFrom} <= coalesce((${lines} order by ${orderLines.validFrom} limit 1 offset ${last}), 'infinity'::date)`;
}
