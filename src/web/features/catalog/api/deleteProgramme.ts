import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/programmes/{id} */
export const deleteProgramme = (id: string) => apiSend("DELETE", `/api/programmes/${encodeURIComponent(id)}`, okSchema);

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
