import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AccountRequest } from "../../../../contracts/account-requests.ts";
import { apiPost } from "../../../lib/api.ts";
import { accountRequestKeys } from "./keys.ts";

/** POST /api/account-requests/{id}/decline — with a reason that is sent to the person. */
export const declineAccountRequest = ({ id, reason }: { id: string; reason: string }) =>
  apiPost<AccountRequest>(`/api/account-requests/${encodeURIComponent(id)}/decline`, { reason });

export function useDeclineAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineAccountRequest,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountRequestKeys.all }),
  });
}
