import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { placementSiteSchema } from "../../contracts/catalog.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type PlacementSite = z.infer<typeof placementSiteSchema>;

/** GET /api/placement-sites — the trust's placement sites. */
export const listPlacementSites = () => apiGet("/api/placement-sites", z.array(placementSiteSchema));

/** Kept for 5 minutes (the grid's site picker opens often); the admin page's changes invalidate it. */
export function usePlacementSites() {
  return useQuery({ queryKey: queryKeys.placementSites, queryFn: listPlacementSites, staleTime: 5 * 60_000 });
}
