import { useMutation, useQueryClient } from "@tanstack/react-query";
import { orderSummarySchema } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { orderKeys } from "./keys.ts";

/** POST /api/orders/{id}/mark-ordered: the draft is ordered, with the portal's reference. */
export const markOrdered = ({ id, reference }: { id: string; reference: string }) =>
  apiSend("POST", `/api/orders/${encodeURIComponent(id)}/mark-ordered`, orderSummarySchema, { reference });

export function useMarkOrdered() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markOrdered,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
