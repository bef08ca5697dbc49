import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: an extension or a mark invalidates everything under `extensionKeys.all`. */
export const extensionKeys = {
  all: ["extensions"] as const,
  list: (query: Query) => ["extensions", "list", query] as const,
};
