import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type markDeactivatedBody, markDeactivatedResponse } from "../../../../contracts/deactivations.ts";
import { apiSend } from "../../../lib/api.ts";
import { deactivationKeys } from "./keys.ts";

/** POST /api/deactivations/mark — all of them or none. */
export const markDeactivated = (body: z.input<typeof markDeactivatedBody>) =>
  apiSend("POST", "/api/deactivations/mark", markDeactivatedResponse, body);

export function useMarkDeactivated() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markDeactivated,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deactivationKeys.all }),
  });
}
