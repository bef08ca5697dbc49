import { useMutation, useQueryClient } from "@tanstack/react-query";
import { registrationSchema } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/registrations/{id}/unmatch — undoes a match. */
export const unmatchRegistration = async (id: string) =>
  apiSend("POST", `/api/registrations/${encodeURIComponent(id)}/unmatch`, registrationSchema);

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
