import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { declinedAccountRequestSchema } from "../../../../contracts/account-requests.ts";
import { apiSend } from "../../../lib/api.ts";
import { accountRequestKeys } from "./keys.ts";

export type DeclinedAccountRequest = z.infer<typeof declinedAccountRequestSchema>;

/** POST /api/account-requests/{id}/decline — with a reason that is sent to the person (national IDs masked). */
export const declineAccountRequest = ({ id, reason }: { id: string; reason: string }) =>
  apiSend("POST", `/api/account-requests/${encodeURIComponent(id)}/decline`, declinedAccountRequestSchema, { reason });

export function useDeclineAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineAccountRequest,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountRequestKeys.all }),
  });
}
