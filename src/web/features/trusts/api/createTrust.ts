import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createTrustBody, trustSettingsSchema } from "../../../../contracts/trusts.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type CreateTrustInput = z.input<typeof createTrustBody>;

/** POST /api/trusts — a new trust and its first admin (system administrator). */
export const createTrust = (body: CreateTrustInput) => apiSend("POST", "/api/trusts", trustSettingsSchema, body);

export function useCreateTrust() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTrust,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.trusts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
