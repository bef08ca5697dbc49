import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: a change invalidates everything under `orderKeys.all`. */
export const orderKeys = {
  all: ["orders"] as const,
  list: (query: Query) => ["orders", "list", query] as const,
  order: (id: string) => ["orders", "order", id] as const,
  check: (sheetId: string, rowIds: readonly string[]) => ["orders", "check", sheetId, rowIds] as const,
};
