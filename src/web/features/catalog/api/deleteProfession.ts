import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/professions/{id} */
export const deleteProfession = (id: string) =>
  apiSend("DELETE", `/api/professions/${encodeURIComponent(id)}`, okSchema);

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
