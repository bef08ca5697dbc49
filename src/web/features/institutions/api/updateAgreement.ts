import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { agreementSchema, type updateAgreementBody } from "../../../../contracts/institutions.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/agreements/{id} — the main and deputy FOU contacts. */
export const updateAgreement = ({ id, ...body }: z.input<typeof updateAgreementBody> & { id: string }) =>
  apiSend("PATCH", `/api/agreements/${encodeURIComponent(id)}`, agreementSchema, body);

export function useUpdateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgreement,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agreements });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
