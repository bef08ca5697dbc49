import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/placement-sites/{id} */
export const deletePlacementSite = (id: string) => apiDelete<unknown>(`/api/placement-sites/${encodeURIComponent(id)}`);

export function useDeletePlacementSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlacementSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.placementSites });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
