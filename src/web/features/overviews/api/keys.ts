import { queryKeys } from "../../../lib/queryKeys.ts";

/** Query keys of this feature: all of it (the lists too, src/web/api/listOverviews.ts), one document, one sheet's rows, a document's changes. */
export const overviewKeys = {
  all: queryKeys.overviews,
  detail: (id: string) => ["overviews", "detail", id] as const,
  rows: (sheetId: string) => ["overviews", "rows", sheetId] as const,
  changes: (id: string) => ["overviews", "changes", id] as const,
};
