import { sql } from "drizzle-orm";
import type { OrderState } from "../../../domain/statuses.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { chunked } from "../../shared/sql-sets.ts";
import { placementRows } from "./overviews.table.ts";

/**
 * Writes rows' Bestilt states (`placement_rows.order_state`), which the orders module derives from
 * their order lines (`rowOrderState`): one statement per 5,000 rows, each row set to its state;
 * rows already in their state are not touched. Returns the ids of the rows that changed.
 */
export async function setOrderStates(db: DbOrTx, states: { rowId: string; state: OrderState }[]): Promise<string[]> {
  const changed: string[] = [];
  for (const part of chunked(states, 5000)) {
    const result = await db.execute(sql`
      update ${placementRows} set order_state = s.state
      from unnest(${sql.param(part.map((s) => s.rowId))}::uuid[], ${sql.param(part.map((s) => s.state))}::text[]) as s(row_id, state)
      where ${placementRows.id} = s.row_id and ${placementRows.orderState} <> s.state
      returning ${placementRows.id} as id`);
    changed.push(...(result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
  }
  return changed;
}
