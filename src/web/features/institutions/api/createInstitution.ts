import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createInstitutionBody, institutionSchema } from "../../../../contracts/institutions.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type InstitutionInput = z.input<typeof createInstitutionBody>;

/** POST /api/institutions */
export const createInstitution = (body: InstitutionInput) =>
  apiSend("POST", "/api/institutions", institutionSchema, body);

export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInstitution,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminInstitutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
