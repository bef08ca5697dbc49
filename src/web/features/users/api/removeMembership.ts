import { useMutation, useQueryClient } from "@tanstack/react-query";
import { userSchema } from "../../../../contracts/users.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** DELETE /api/memberships/{id} */
export const removeMembership = (id: string) =>
  apiSend("DELETE", `/api/memberships/${encodeURIComponent(id)}`, userSchema);

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
