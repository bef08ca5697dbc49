import { useMutation, useQueryClient } from "@tanstack/react-query";
import { orderSummarySchema } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { orderKeys } from "./keys.ts";

/** POST /api/orders/{id}/cancel: a draft is cancelled (nothing is deleted). */
export const cancelOrder = (id: string) =>
  apiSend("POST", `/api/orders/${encodeURIComponent(id)}/cancel`, orderSummarySchema, {});

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
