import { and, asc, desc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { deactivationSortSchema, deactivationsQuery } from "../../../contracts/deactivations.ts";
import { grantedStates, holdingStates, statesFor } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { placementRows } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { userNameOf } from "../users/users.public.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

/**
 * The deactivation list's SQL (SPEC §3.2 step 6): putting lines on it (a removed row, a withdrawn
 * student, the nightly end of placements), reading it and marking lines deactivated. Every statement
 * is set-based: one per step, whatever the number of rows or lines.
 */

/** A line moved by a statement here, with what its audit row and Bestilt cell need. */
export interface MovedLine {
  id: string;
  rowId: string;
  trustId: string;
  institutionId: string;
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const moved = (result: unknown): MovedLine[] =>
  rowsOf(result).map((r) => ({
    id: r.id as string,
    rowId: r.row_id as string,
    trustId: r.trust_id as string,
    institutionId: r.institution_id as string,
  }));
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;

type Query = z.infer<typeof deactivationsQuery>;
const knownUsername = sql<string | null>`coalesce(${orderLines.username}, ${usernames.username}, ${persons.username})`;

function listWhere(trustIds: string[], q: Query): SQL | undefined {
  const pattern = q.q ? containsPattern(q.q) : null;
  return and(
    anyOf(orderLines.trustId, trustIds, "uuid"),
    eq(orderLines.state, q.state),
    q.trustId ? eq(orderLines.trustId, q.trustId) : undefined,
    q.institutionId ? eq(orderLines.institutionId, q.institutionId) : undefined,
    q.reason ? eq(orderLines.deactivationReason, q.reason) : undefined,
    q.from ? gte(orderLines.deactivateFrom, q.from) : undefined,
    q.to ? lte(orderLines.deactivateFrom, q.to) : undefined,
    pattern
      ? or(
          ilike(persons.lastName, pattern),
          ilike(persons.firstName, pattern),
          sql`(${persons.firstName} || ' ' || ${persons.lastName}) ilike ${pattern}`,
          sql`${knownUsername} ilike ${pattern}`,
          ilike(orders.reference, pattern),
        )
      : undefined,
  );
}

const sortColumns: Record<z.infer<typeof deactivationSortSchema>, SQL[]> = {
  from: [sql`${orderLines.deactivateFrom}`, sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`],
  name: [sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`, sql`${orderLines.deactivateFrom}`],
  system: [sql`lower(${clinicalSystems.name})`, sql`${orderLines.deactivateFrom}`],
  trust: [sql`lower(${trusts.name})`, sql`${orderLines.deactivateFrom}`],
  reason: [sql`${orderLines.deactivationReason}`, sql`${orderLines.deactivateFrom}`],
};

const listColumns = {
  id: orderLines.id,
  trustId: orderLines.trustId,
  trustName: trusts.name,
  institutionId: orderLines.institutionId,
  institutionShortName: institutions.shortName,
  lastName: persons.lastName,
  firstName: persons.firstName,
  username: knownUsername,
  systemId: orderLines.systemId,
  systemName: clinicalSystems.name,
  role: orderLines.role,
  sheetName: orders.sheetName,
  reference: orders.reference,
  reason: orderLines.deactivationReason,
  note: orderLines.deactivationNote,
  deactivateFrom: orderLines.deactivateFrom,
  validTo: orderLines.validTo,
  state: orderLines.state,
  deactivatedAt: orderLines.deactivatedAt,
  deactivatedBy: orderLines.deactivatedBy,
  deactivatedByName: userNameOf(orderLines.deactivatedBy),
};
export type DeactivationRow = Awaited<
  ReturnType<ReturnType<typeof createDeactivationsRepository>["list"]>
>["items"][number];

export function createDeactivationsRepository({ db }: { db: DbOrTx }) {
  const joins = {
    list: () =>
      db
        .select(listColumns)
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
        .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
        .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash)),
    /**
     * The total: of the lines alone, unless a search reads their persons, usernames and orders
     * (every line has its order, trust, institution, person and system, so the joins add no line).
     */
    count: (search: boolean) => {
      const lines = db.select({ n: sql<number>`count(*)::int` }).from(orderLines);
      return search
        ? lines
            .innerJoin(orders, eq(orders.id, orderLines.orderId))
            .innerJoin(persons, eq(persons.id, orderLines.personId))
            .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
        : lines;
    },
  };

  return {
    /** The withdrawal (date and reason) of these rows, read-only. */
    async withdrawals(rowIds: string[]) {
      if (rowIds.length === 0) return [];
      return db
        .select({ rowId: placementRows.id, on: placementRows.withdrawnOn, reason: placementRows.withdrawnReason })
        .from(placementRows)
        .where(anyOf(placementRows.id, rowIds, "uuid"));
    },

    /**
     * Puts the lines of these rows that hold access or are changed on the deactivation list, each
     * row with its reason, first day and note: one statement. Returns the lines moved.
     */
    async scheduleRows(
      trustId: string,
      rows: { rowId: string; reason: string; from: string; note: string | null }[],
      at: Date,
    ): Promise<MovedLine[]> {
      if (rows.length === 0) return [];
      const p = (f: (r: (typeof rows)[number]) => string | null) => sql.param(rows.map(f));
      const result = await db.execute(sql`
        update ${orderLines} l set state = 'to_deactivate', deactivation_reason = v.reason,
          deactivate_from = v.from_day, deactivation_note = v.note, scheduled_deactivation_at = ${ts(at)},
          updated_at = ${ts(at)}
        from unnest(${p((r) => r.rowId)}::uuid[], ${p((r) => r.reason)}::text[], ${p((r) => r.from)}::date[],
                    ${p((r) => r.note)}::text[]) as v(row_id, reason, from_day, note)
        where l.row_id = v.row_id and l.trust_id = ${trustId}::uuid
          and l.state = any(${textArray(statesFor("schedule_deactivation"))})
        returning l.id, l.row_id, l.trust_id, l.institution_id`);
      return moved(result);
    },

    /** Cancels the draft lines of these rows (never sent: nothing to deactivate). */
    async cancelDrafts(trustId: string, rowIds: string[], by: string | null, at: Date): Promise<MovedLine[]> {
      if (rowIds.length === 0) return [];
      const result = await db.execute(sql`
        update ${orderLines} set state = 'cancelled', cancelled_by = ${by}::uuid, cancelled_at = ${ts(at)},
          updated_at = ${ts(at)}
        where trust_id = ${trustId}::uuid and ${anyOf(orderLines.rowId, rowIds, "uuid")} and state = 'draft'
        returning id, row_id, trust_id, institution_id`);
      return moved(result);
    },

    /**
     * The nightly job's first step: granted lines whose placement ended before `today` that a later
     * holding line of the same person and system carries on (`continues`) are superseded. Returns
     * them with the line that carries each on.
     */
    async continueEnded(today: string, at: Date): Promise<(MovedLine & { nextId: string })[]> {
      const result = await db.execute(sql`
        with ended as (
          select id, person_id, system_id, valid_to from ${orderLines}
           where state = any(${textArray(grantedStates)}) and valid_to < ${today}::date
        ), carried as (
          select distinct on (e.id) e.id, n.id as next_id
            from ended e
            join ${orderLines} n on n.person_id = e.person_id and n.system_id = e.system_id and n.id <> e.id
             and n.state = any(${textArray(holdingStates)})
             and n.valid_from <= e.valid_to + 1 and n.valid_to > e.valid_to
           order by e.id, n.valid_from, n.id
        )
        update ${orderLines} l set state = 'superseded', superseded_at = ${ts(at)}, updated_at = ${ts(at)}
          from carried c where l.id = c.id
        returning l.id, l.row_id, l.trust_id, l.institution_id, c.next_id`);
      return rowsOf(result).map((r) => ({ ...(moved({ rows: [r] })[0] as MovedLine), nextId: r.next_id as string }));
    },

    /** Names on each carrying line the line it carries on (where it names none yet). */
    async noteCarried(pairs: { id: string; nextId: string }[]) {
      if (pairs.length === 0) return;
      await db.execute(sql`
        update ${orderLines} l set replaces_line_id = v.id
          from unnest(${sql.param(pairs.map((p) => p.id))}::uuid[], ${sql.param(pairs.map((p) => p.nextId))}::uuid[])
               as v(id, next_id)
         where l.id = v.next_id and l.replaces_line_id is null`);
    },

    /** The nightly job's second step: every other granted line whose placement ended before `today` goes on the list. */
    async scheduleEnded(today: string, at: Date): Promise<MovedLine[]> {
      const result = await db.execute(sql`
        update ${orderLines} set state = 'to_deactivate', deactivation_reason = 'ended',
          deactivate_from = valid_to + 1, scheduled_deactivation_at = ${ts(at)}, updated_at = ${ts(at)}
        where state = any(${textArray(grantedStates)}) and valid_to < ${today}::date
        returning id, row_id, trust_id, institution_id`);
      return moved(result);
    },

    /** One page of the list and its total: two statements. */
    async list(trustIds: string[], q: Query) {
      const where = listWhere(trustIds, q);
      const order = q.dir === "desc" ? desc : asc;
      const items = await joins
        .list()
        .where(where)
        .orderBy(...sortColumns[q.sort].map((c) => order(c)), asc(orderLines.id))
        .limit(q.limit)
        .offset(q.offset);
      const [total] = await joins.count(Boolean(q.q)).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** How many lines of these trusts are to deactivate. */
    async countOpen(trustIds: string[]): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orderLines)
        .where(and(anyOf(orderLines.trustId, trustIds, "uuid"), eq(orderLines.state, "to_deactivate")));
      return row?.n ?? 0;
    },

    /** These lines of these trusts, locked for marking. */
    lockForMark(trustIds: string[], ids: string[]) {
      return db
        .select({
          id: orderLines.id,
          rowId: orderLines.rowId,
          trustId: orderLines.trustId,
          institutionId: orderLines.institutionId,
          state: orderLines.state,
        })
        .from(orderLines)
        .where(and(anyOf(orderLines.trustId, trustIds, "uuid"), anyOf(orderLines.id, ids, "uuid")))
        .orderBy(asc(orderLines.id))
        .for("update");
    },

    async markDeactivated(ids: string[], by: string, at: Date) {
      await db
        .update(orderLines)
        .set({ state: "deactivated", deactivatedBy: by, deactivatedAt: at, updatedAt: at })
        .where(and(anyOf(orderLines.id, ids, "uuid"), eq(orderLines.state, "to_deactivate")));
    },
  };
}
