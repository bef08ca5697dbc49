import { and, eq, sql } from "drizzle-orm";
import { holdingStates } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { orderLines } from "./orders.table.ts";

const holding = sql.join(
  holdingStates.map((s) => sql`${s}`),
  sql`, `,
);

/** The SQL of change orders (`change-orders.ts`): a constant number of statements for any number of rows. */
export function createChangeOrdersRepository({ db }: { db: DbOrTx }) {
  return {
    /** The changed lines of these rows (waiting for FOU to order the change). */
    changedLinesOf(rowIds: string[]) {
      return db
        .select({
          id: orderLines.id,
          rowId: orderLines.rowId,
          systemId: orderLines.systemId,
          changes: orderLines.changes,
        })
        .from(orderLines)
        .where(and(anyOf(orderLines.rowId, rowIds, "uuid"), eq(orderLines.state, "changed")));
    },

    /** The changed lines these lines of a sent order replace become `superseded`; returns them. */
    supersede(orderId: string, by: string, at: Date) {
      return db
        .update(orderLines)
        .set({ state: "superseded", supersededBy: by, supersededAt: at, updatedAt: at })
        .where(
          and(
            eq(orderLines.state, "changed"),
            sql`${orderLines.id} in (select l.replaces_line_id from ${orderLines} l
              where l.order_id = ${orderId} and l.replaces_line_id is not null and l.state <> 'cancelled')`,
          ),
        )
        .returning({ id: orderLines.id, rowId: orderLines.rowId });
    },

    /**
     * The changed lines of the rows this order orders as a change (a line of it has changes) that no
     * line holding the row and system replaces: the new profile left their system out, so they go on
     * the deactivation list (reason `changed`) from `day`.
     */
    deactivateLeftOut(orderId: string, day: string, at: Date) {
      return db
        .update(orderLines)
        .set({
          state: "to_deactivate",
          deactivationReason: "changed",
          deactivateFrom: day,
          scheduledDeactivationAt: at,
          updatedAt: at,
        })
        .where(
          and(
            eq(orderLines.state, "changed"),
            sql`${orderLines.rowId} in (select l.row_id from ${orderLines} l
              where l.order_id = ${orderId} and l.changes is not null and l.state <> 'cancelled')`,
            sql`not exists (select 1 from ${orderLines} h where h.replaces_line_id = ${orderLines.id}
              and h.state in (${holding}))`,
          ),
        )
        .returning({ id: orderLines.id, rowId: orderLines.rowId, changedBy: orderLines.changedBy });
    },
  };
}
