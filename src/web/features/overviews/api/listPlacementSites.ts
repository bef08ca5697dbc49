import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { placementSiteSchema } from "../../../../contracts/catalog.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type PlacementSite = z.infer<typeof placementSiteSchema>;

/** GET /api/placement-sites — the trust's list, for the grid's placement-site picker. */
export const listPlacementSites = () => apiGet<PlacementSite[]>("/api/placement-sites");

export function usePlacementSites() {
  return useQuery({ queryKey: queryKeys.placementSites, queryFn: listPlacementSites, staleTime: 5 * 60_000 });
}
