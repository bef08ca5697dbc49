import { useMutation, useQueryClient } from "@tanstack/react-query";
import { institutionSchema } from "../../../../contracts/institutions.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import type { InstitutionInput } from "./createInstitution.ts";

/** PATCH /api/institutions/{id} */
export const updateInstitution = ({ id, ...body }: InstitutionInput & { id: string }) =>
  apiSend("PATCH", `/api/institutions/${encodeURIComponent(id)}`, institutionSchema, body);

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
