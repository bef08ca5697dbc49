import { useQuery } from "@tanstack/react-query";
import { orderSchema } from "../../../../contracts/orders.ts";
import { apiGet } from "../../../lib/api.ts";
import { orderKeys } from "./keys.ts";

/** GET /api/orders/{id}: the order with its lines. */
export const getOrder = (id: string) => apiGet(`/api/orders/${encodeURIComponent(id)}`, orderSchema);

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.order(id), queryFn: () => getOrder(id) });
}
