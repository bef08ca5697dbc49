import { useMutation, useQueryClient } from "@tanstack/react-query";
import { registrationSchema } from "../../../../contracts/registrations.ts";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/registrations/{id}/confirm — FOU confirms a registration whose e-mail differs from the rows'. */
export const confirmRegistration = async (id: string) =>
  registrationSchema.parse(await apiPost<unknown>(`/api/registrations/${encodeURIComponent(id)}/confirm`));

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
