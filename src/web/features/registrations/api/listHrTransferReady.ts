import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { type hrTransferReadyQuery, hrTransferReadySchema } from "../../../../contracts/hr-transfer.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

export type ReadyQuery = Partial<z.infer<typeof hrTransferReadyQuery>>;

/** GET /api/hr-transfer/ready — persons registered and not yet transferred. */
export const listHrTransferReady = (query: ReadyQuery) =>
  apiGet(`/api/hr-transfer/ready?${queryString(query)}`, hrTransferReadySchema);

export function useHrTransferReady(query: ReadyQuery) {
  return useQuery({
    queryKey: registrationKeys.ready(queryString(query)),
    queryFn: () => listHrTransferReady(query),
    placeholderData: keepPreviousData,
  });
}
