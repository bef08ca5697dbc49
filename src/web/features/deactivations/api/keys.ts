import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: marking lines invalidates everything under `deactivationKeys.all`. */
export const deactivationKeys = {
  all: ["deactivations"] as const,
  list: (query: Query) => ["deactivations", "list", query] as const,
};
