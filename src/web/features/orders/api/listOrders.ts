import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { orderListSchema, type ordersQuery } from "../../../../contracts/orders.ts";
import { apiGet } from "../../../lib/api.ts";
import { orderKeys } from "./keys.ts";

export type OrdersQuery = Partial<z.infer<typeof ordersQuery>>;

/** GET /api/orders — searched, filtered, sorted and paged by the server. */
export const listOrders = (query: OrdersQuery) => apiGet("/api/orders", orderListSchema, query);

export function useOrders(query: OrdersQuery) {
  return useQuery({
    queryKey: orderKeys.list(query),
    queryFn: () => listOrders(query),
    placeholderData: keepPreviousData,
  });
}
