import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/programmes/{id} */
export const deleteProgramme = (id: string) => apiDelete<unknown>(`/api/programmes/${encodeURIComponent(id)}`);

export function useDeleteProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProgramme,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
