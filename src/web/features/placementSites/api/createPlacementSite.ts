import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type placementSiteBody, placementSiteSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/placement-sites */
export const createPlacementSite = (body: z.input<typeof placementSiteBody>) =>
  apiSend("POST", "/api/placement-sites", placementSiteSchema, body);

export function useCreatePlacementSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlacementSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.placementSites });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
