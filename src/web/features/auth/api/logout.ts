import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/auth/logout */
export const logout = () => apiPost<{ ok: true }>("/api/auth/logout");

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
