import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { decideLinesResponse, type implementLinesBody } from "../../../../contracts/orders.ts";
import { apiSend } from "../../../lib/api.ts";
import { itQueueKeys } from "./keys.ts";

/** POST /api/order-lines/implement — each line with the person's username; all of them or none. */
export const implementOrderLines = (body: z.input<typeof implementLinesBody>) =>
  apiSend("POST", "/api/order-lines/implement", decideLinesResponse, body);

export function useImplementOrderLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: implementOrderLines,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: itQueueKeys.all }),
  });
}
