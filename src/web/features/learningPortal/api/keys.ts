import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: a batch or a mark invalidates everything under `learningPortalKeys.all`. */
export const learningPortalKeys = {
  all: ["learning-portal"] as const,
  list: (query: Query) => ["learning-portal", "list", query] as const,
};
