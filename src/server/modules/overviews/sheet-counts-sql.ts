import { sql } from "drizzle-orm";
import { unorderedStates } from "../../../domain/placement-row/sheet-counts.ts";
import type { transferredToHr } from "../persons/persons.public.ts";
import { placementRows } from "./overviews.table.ts";

/** The constant states as SQL literals, as before they were named in the domain. */
const unorderedList = sql.raw(unorderedStates.map((state) => `'${state}'`).join(", "));

/**
 * A sheet's counts over its rows: rows, rows with errors, rows whose person is transferred, rows
 * ordered (green); over `placement_rows` left joined to `transferred` on the row's person. The
 * same rule as `sheetCountsOf` (src/domain/placement-row/sheet-counts.ts), which counts rows read.
 */
export const sheetCountsOver = (transferred: ReturnType<typeof transferredToHr>) => ({
  rows: sql<number>`count(*)::int`,
  problems: sql<number>`(count(*) filter (where ${placementRows.errorCount} > 0))::int`,
  registered: sql<number>`count(${transferred.id})::int`,
  ordered: sql<number>`(count(*) filter (where ${placementRows.orderState} not in (${unorderedList})))::int`,
});
