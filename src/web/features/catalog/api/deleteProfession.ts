import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/professions/{id} */
export const deleteProfession = (id: string) => apiDelete<unknown>(`/api/professions/${encodeURIComponent(id)}`);

export function useDeleteProfession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProfession,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.professions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
