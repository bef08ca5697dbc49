import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/agreements/{id} */
export const deleteAgreement = (id: string) => apiSend("DELETE", `/api/agreements/${encodeURIComponent(id)}`, okSchema);

export function useDeleteAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAgreement,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agreements });
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
