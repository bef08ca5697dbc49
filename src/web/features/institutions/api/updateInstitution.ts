import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Institution } from "../../../../contracts/institutions.ts";
import { apiPatch } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import type { InstitutionInput } from "./createInstitution.ts";

/** PATCH /api/institutions/{id} */
export const updateInstitution = ({ id, ...body }: InstitutionInput & { id: string }) =>
  apiPatch<Institution>(`/api/institutions/${encodeURIComponent(id)}`, body);

export function useUpdateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInstitution,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminInstitutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agreements });
    },
  });
}
