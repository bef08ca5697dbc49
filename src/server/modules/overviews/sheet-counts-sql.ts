import { eq, sql } from "drizzle-orm";
import { unorderedStates } from "../../../domain/placement-row/sheet-counts.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { transferredToHr } from "../persons/persons.public.ts";
import { placementRows, sheets } from "./overviews.table.ts";

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

/**
 * `sheetCountsOver` of the sheet in the outer statement, for `leftJoinLateral(…, sql\`true\`)`:
 * each sheet's counts over its own rows, by the rows' sheet index. Counting all of a page's
 * sheets' rows grouped once let PostgreSQL read every row of the region for a page of fifty
 * documents (61 ms against 12 at full scale).
 */
export function countsOfEachSheet(db: DbOrTx) {
  const transferred = transferredToHr(db);
  const counts = sheetCountsOver(transferred);
  return db
    .select({
      rows: counts.rows.as("rows"),
      problems: counts.problems.as("problems"),
      registered: counts.registered.as("registered"),
      ordered: counts.ordered.as("ordered"),
    })
    .from(placementRows)
    .leftJoin(transferred, eq(transferred.id, placementRows.personId))
    .where(eq(placementRows.sheetId, sheets.id))
    .as("counts");
}
