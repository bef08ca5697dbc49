import { asc } from "drizzle-orm";
import { type OrderLineState, rowOrderState } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { setOrderStates } from "../overviews/overviews.public.ts";
import { orderLines } from "./orders.table.ts";

/**
 * Brings these rows' Bestilt cells in line with their order lines (`rowOrderState`), in the
 * transaction that moved the lines: two statements whatever the number of rows. Returns the ids of
 * the rows whose cell changed (to tell the coordinators).
 */
export async function syncRowOrderStates(tx: DbOrTx, rowIds: string[]): Promise<string[]> {
  if (rowIds.length === 0) return [];
  const lines = await tx
    .select({
      rowId: orderLines.rowId,
      systemId: orderLines.systemId,
      state: orderLines.state,
      createdAt: orderLines.createdAt,
    })
    .from(orderLines)
    .where(anyOf(orderLines.rowId, rowIds, "uuid"))
    .orderBy(asc(orderLines.createdAt));
  const byRow = new Map<string, { systemId: string; state: OrderLineState; createdAt: string }[]>(
    rowIds.map((id) => [id, []]),
  );
  for (const l of lines)
    byRow
      .get(l.rowId)
      ?.push({ systemId: l.systemId, state: l.state as OrderLineState, createdAt: l.createdAt.toISOString() });
  return setOrderStates(
    tx,
    [...byRow].map(([rowId, rowLines]) => ({ rowId, state: rowOrderState(rowLines) })),
  );
}
