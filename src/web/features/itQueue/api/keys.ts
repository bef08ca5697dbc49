import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: a decision invalidates everything under `itQueueKeys.all`. */
export const itQueueKeys = {
  all: ["order-lines"] as const,
  list: (query: Query) => ["order-lines", "list", query] as const,
};
