import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { orderLineListSchema, type orderLinesQuery } from "../../../../contracts/orders.ts";
import { apiGet } from "../../../lib/api.ts";
import { itQueueKeys } from "./keys.ts";

export type OrderLinesQuery = Partial<z.infer<typeof orderLinesQuery>>;

/** GET /api/order-lines — the queue of every trust the IT provider serves, filtered, sorted and paged by the server. */
export const listOrderLines = (query: OrderLinesQuery) => apiGet("/api/order-lines", orderLineListSchema, query);

export function useOrderLines(query: OrderLinesQuery) {
  return useQuery({
    queryKey: itQueueKeys.list(query),
    queryFn: () => listOrderLines(query),
    placeholderData: keepPreviousData,
  });
}
