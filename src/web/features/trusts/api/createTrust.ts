import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createTrustBody, TrustSettings } from "../../../../contracts/trusts.ts";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type CreateTrustInput = z.input<typeof createTrustBody>;

/** POST /api/trusts — a new trust and its first admin (system administrator). */
export const createTrust = (body: CreateTrustInput) => apiPost<TrustSettings>("/api/trusts", body);

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
