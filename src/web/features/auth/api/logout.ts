import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/auth/logout */
export const logout = () => apiSend("POST", "/api/auth/logout", okSchema);

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
