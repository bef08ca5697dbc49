/**
 * What other modules may use of the overviews module: its use-cases' type (the dashboard counts
 * the listed documents' sheets), the persons module's links (where a person appears), the port that
 * tells a module above when rows name persons, and what the retention job reads and changes of the rows.
 */

export type { ChangeEntry, RowsChanged } from "./change-log.ts";
/** For the composition root (the import's parse workers; where rows' ciphertexts are bound) and the audit log's CSV. */
export { neutralise } from "./excel/cells.ts";
export { createParsePool, type ParsePool } from "./excel/parse-pool.ts";
/** For the Webcruiter import: a file that is one table, read by the parse pool's `readTable`. */
export type { TableFormat, TableRow } from "./excel/table.ts";
/** For the orders module: the Bestilt states it derives from a row's order lines. */
export { setOrderStates } from "./order-states.repository.ts";
export type { PersonsPlaced } from "./overviews.deps.ts";
export type { OverviewsUsecases } from "./overviews.usecases.ts";
export { createPersonLinks } from "./person-links.repository.ts";
export { createRowRetentionRepository } from "./retention.repository.ts";
export { rowPlaces } from "./row-codec.ts";
/** For the orders module: FOU's extension of placements (`POST /api/rows/extend`). */
export { extendRows, type RefusedRow, type RowExtensionReport, type RowToExtend } from "./row-extensions.ts";
