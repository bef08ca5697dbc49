import { useMutation, useQueryClient } from "@tanstack/react-query";
import { registrationSchema } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/registrations/{id}/confirm — FOU confirms a registration whose e-mail differs from the rows'. */
export const confirmRegistration = async (id: string) =>
  apiSend("POST", `/api/registrations/${encodeURIComponent(id)}/confirm`, registrationSchema);

export function useConfirmRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmRegistration,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
