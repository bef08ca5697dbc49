import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { meSchema, type switchTrustBody } from "../../../../contracts/auth.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/auth/trust — work in another trust; everything loaded for the old one is dropped. */
export const switchTrust = (body: z.input<typeof switchTrustBody>) =>
  apiSend("POST", "/api/auth/trust", meSchema, body);

export function useSwitchTrust() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchTrust,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
