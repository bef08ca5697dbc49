import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountRequestSchema } from "../../../../contracts/account-requests.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { accountRequestKeys } from "./keys.ts";

/** POST /api/account-requests/{id}/approve — creates the person with the role and invites them. */
export const approveAccountRequest = (id: string) =>
  apiSend("POST", `/api/account-requests/${encodeURIComponent(id)}/approve`, accountRequestSchema);

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
