import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { decideLinesResponse, type rejectLinesBody } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { itQueueKeys } from "./keys.ts";

/** POST /api/order-lines/reject — with the reason; all of them or none. */
export const rejectOrderLines = (body: z.input<typeof rejectLinesBody>) =>
  apiSend("POST", "/api/order-lines/reject", decideLinesResponse, body);

export function useRejectOrderLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectOrderLines,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: itQueueKeys.all }),
  });
}
