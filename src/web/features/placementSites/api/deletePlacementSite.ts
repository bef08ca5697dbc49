import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/placement-sites/{id} */
export const deletePlacementSite = (id: string) =>
  apiSend("DELETE", `/api/placement-sites/${encodeURIComponent(id)}`, okSchema);

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
