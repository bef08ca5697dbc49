import type { Query } from "../../../lib/api.ts";

/** The feature's query keys: a change invalidates everything under `clinicalSystemKeys.all`. */
export const clinicalSystemKeys = {
  all: ["clinical-systems"] as const,
  systems: (query: Query) => ["clinical-systems", "systems", query] as const,
  profiles: (query: Query) => ["clinical-systems", "profiles", query] as const,
  profile: (id: string) => ["clinical-systems", "profile", id] as const,
};
