import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CreateOrderBody, createOrderResponse } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { orderKeys } from "./keys.ts";

/** POST /api/orders (`dryRun`: only the check of each row, nothing saved). */
export const createOrder = (body: CreateOrderBody, dryRun = false) =>
  apiSend("POST", `/api/orders?dryRun=${dryRun}`, createOrderResponse, body);

/** The dry run of ordering these rows: what is ready, what needs acceptance and what is refused, with why. */
export function useOrderCheck(sheetId: string, rowIds: readonly string[]) {
  return useQuery({
    queryKey: orderKeys.check(sheetId, rowIds),
    queryFn: () => createOrder({ sheetId, rowIds: [...rowIds] }, true),
    enabled: rowIds.length > 0,
  });
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrderBody) => createOrder(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
