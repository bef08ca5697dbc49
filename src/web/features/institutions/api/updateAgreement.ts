import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Agreement, updateAgreementBody } from "../../../../contracts/institutions.ts";
import { apiPatch } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/agreements/{id} — the main and deputy FOU contacts. */
export const updateAgreement = ({ id, ...body }: z.input<typeof updateAgreementBody> & { id: string }) =>
  apiPatch<Agreement>(`/api/agreements/${encodeURIComponent(id)}`, body);

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
