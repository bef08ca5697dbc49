import { and, eq, sql } from "drizzle-orm";
import type { OrderLineState } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { persons } from "../persons/persons.table.ts";
import { orderLines, orders } from "./orders.table.ts";

/**
 * What the status report reads and writes of the lines: the lines it names (by id, or by the
 * order's reference with the person's national-ID hash and the system), each joined read-only to
 * its person and system to name it, and the moves it makes. One statement per look-up and per
 * action, whatever the size of the file.
 */

export interface ReportLine {
  id: string;
  state: OrderLineState;
  institutionId: string;
  rowId: string;
  lastName: string;
  firstName: string;
  systemName: string;
  reference: string | null;
  nationalIdHash: string | null;
}

const lineColumns = {
  id: orderLines.id,
  state: sql<OrderLineState>`${orderLines.state}`,
  institutionId: orderLines.institutionId,
  rowId: orderLines.rowId,
  lastName: persons.lastName,
  firstName: persons.firstName,
  systemName: clinicalSystems.name,
  reference: orders.reference,
  nationalIdHash: persons.nationalIdHash,
};

export function createStatusImportRepository({ db }: { db: DbOrTx }) {
  const lines = () =>
    db
      .select(lineColumns)
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(persons, eq(persons.id, orderLines.personId))
      .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId));
  return {
    /** The trust's lines with these ids (the others are not found). */
    async byIds(trustId: string, ids: string[]): Promise<ReportLine[]> {
      if (ids.length === 0) return [];
      return lines().where(and(eq(orderLines.trustId, trustId), anyOf(orderLines.id, ids, "uuid")));
    },

    /** Which of these references (lower-cased) the trust's orders have, lower-cased (references are unique without case). */
    async knownReferences(trustId: string, references: string[]): Promise<Set<string>> {
      if (references.length === 0) return new Set();
      const rows = await db
        .select({ reference: sql<string>`lower(${orders.reference})` })
        .from(orders)
        .where(and(eq(orders.trustId, trustId), anyOf(sql`lower(${orders.reference})`, references, "text")));
      return new Set(rows.map((r) => r.reference));
    },

    /** The lines of the trust's orders with these references, of persons with these national-ID hashes. */
    async byReferences(trustId: string, references: string[], hashes: string[]): Promise<ReportLine[]> {
      if (references.length === 0 || hashes.length === 0) return [];
      return lines().where(
        and(
          eq(orderLines.trustId, trustId),
          anyOf(sql`lower(${orders.reference})`, references, "text"),
          anyOf(persons.nationalIdHash, hashes, "text"),
        ),
      );
    },

    /**
     * Moves lines from one of `from` to `to`, recording who and when (and the username or the
     * reason per line); a line no longer in `from` is left. Returns the ids moved.
     */
    async move(
      changes: { id: string; username: string | null; reason: string | null }[],
      move: {
        action: "approve" | "implement" | "reject" | "mark_deactivated" | "mark_extended";
        from: readonly OrderLineState[];
        to: OrderLineState;
        by: string;
        at: Date;
      },
    ): Promise<string[]> {
      if (changes.length === 0) return [];
      const at = sql`${move.at.toISOString()}::timestamptz`;
      const by = sql`${move.by}::uuid`;
      const stamps = {
        approve: sql`approved_by = ${by}, approved_at = ${at}`,
        implement: sql`implemented_by = ${by}, implemented_at = ${at}, username = c.username`,
        reject: sql`rejected_by = ${by}, rejected_at = ${at}, reject_reason = c.reason`,
        mark_deactivated: sql`deactivated_by = ${by}, deactivated_at = ${at}`,
        mark_extended: sql`extension_done_by = ${by}, extension_done_at = ${at}`,
      };
      const stamp = stamps[move.action];
      const result = await db.execute(sql`
        update ${orderLines} set state = ${move.to}, ${stamp}, updated_at = ${at}
          from unnest(${sql.param(changes.map((c) => c.id))}::uuid[], ${sql.param(changes.map((c) => c.username))}::text[],
                      ${sql.param(changes.map((c) => c.reason))}::text[]) as c(id, username, reason)
         where ${orderLines.id} = c.id and ${anyOf(orderLines.state, [...move.from], "text")}
        returning ${orderLines.id} as id`);
      return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    },
  };
}
