import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type approveLinesBody, decideLinesResponse } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { itQueueKeys } from "./keys.ts";

/** POST /api/order-lines/approve — all of them or none. */
export const approveOrderLines = (body: z.input<typeof approveLinesBody>) =>
  apiSend("POST", "/api/order-lines/approve", decideLinesResponse, body);

export function useApproveOrderLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveOrderLines,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: itQueueKeys.all }),
  });
}
