import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type placementSiteBody, placementSiteSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/placement-sites/{id} */
export const updatePlacementSite = ({ id, ...body }: z.input<typeof placementSiteBody> & { id: string }) =>
  apiSend("PATCH", `/api/placement-sites/${encodeURIComponent(id)}`, placementSiteSchema, body);

export function useUpdatePlacementSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlacementSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.placementSites });
    },
  });
}
