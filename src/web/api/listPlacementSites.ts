import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { placementSiteSchema } from "../../contracts/catalog.ts";
import { apiGetParsed } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type PlacementSite = z.infer<typeof placementSiteSchema>;

/** GET /api/placement-sites — the trust's placement sites. */
export const listPlacementSites = () => apiGetParsed("/api/placement-sites", z.array(placementSiteSchema));

export function usePlacementSites() {
  return useQuery({ queryKey: queryKeys.placementSites, queryFn: listPlacementSites });
}
