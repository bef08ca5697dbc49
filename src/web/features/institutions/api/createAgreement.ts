import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { agreementSchema, type createAgreementBody } from "../../../../contracts/institutions.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/agreements */
export const createAgreement = (body: z.input<typeof createAgreementBody>) =>
  apiSend("POST", "/api/agreements", agreementSchema, body);

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgreement,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agreements });
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
