/** The order states of a row that is not ordered (not green in the grid): never ordered, or refused. */
export const unorderedStates = ["not_ordered", "rejected"] as const;

/** What a sheet's header and the document's list of sheets count. */
export interface SheetCounts {
  rows: number;
  /** Rows with errors (their stored error count). */
  problems: number;
  /** Rows whose person is transferred to HR. */
  registered: number;
  /** Rows with access ordered (green). */
  ordered: number;
}

/**
 * A sheet's counts over rows already read; the lists count the same in SQL (`sheetCountsOver` in
 * overviews/sheet-counts-sql.ts, with `unorderedStates`), and the API tests hold the two equal.
 */
export function sheetCountsOf(
  rows: { errorCount: number; orderState: string; hrTransferredAt: Date | null }[],
): SheetCounts {
  const unordered: readonly string[] = unorderedStates;
  return {
    rows: rows.length,
    problems: rows.filter((r) => r.errorCount > 0).length,
    registered: rows.filter((r) => r.hrTransferredAt !== null).length,
    ordered: rows.filter((r) => !unordered.includes(r.orderState)).length,
  };
}
