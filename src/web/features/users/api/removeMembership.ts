import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/memberships/{id} */
export const removeMembership = (id: string) => apiDelete<unknown>(`/api/memberships/${encodeURIComponent(id)}`);

export function useRemoveMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMembership,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
