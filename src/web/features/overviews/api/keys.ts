/** Query keys of this feature: lists, one document, one sheet's rows, a document's changes. */
export const overviewKeys = {
  all: ["overviews"] as const,
  list: (institutionId: string | null) => ["overviews", "list", institutionId ?? "all"] as const,
  detail: (id: string) => ["overviews", "detail", id] as const,
  rows: (sheetId: string) => ["overviews", "rows", sheetId] as const,
  changes: (id: string) => ["overviews", "changes", id] as const,
};
