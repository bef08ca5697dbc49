import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AccountRequest } from "../../../../contracts/account-requests.ts";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { accountRequestKeys } from "./keys.ts";

/** POST /api/account-requests/{id}/approve — creates the person with the role and invites them. */
export const approveAccountRequest = (id: string) =>
  apiPost<AccountRequest>(`/api/account-requests/${encodeURIComponent(id)}/approve`);

export function useApproveAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveAccountRequest,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: accountRequestKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
