import { useMutation, useQueryClient } from "@tanstack/react-query";
import { registrationSchema } from "../../../../contracts/registrations.ts";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/registrations/{id}/unmatch — undoes a match. */
export const unmatchRegistration = async (id: string) =>
  registrationSchema.parse(await apiPost<unknown>(`/api/registrations/${encodeURIComponent(id)}/unmatch`));

export function useUnmatchRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unmatchRegistration,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
