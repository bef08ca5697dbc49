import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type matchRegistrationBody, registrationSchema } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/registrations/{id}/match — to a person (`personId`) or to a row's person (`rowId`). */
export const matchRegistration = async ({ id, match }: { id: string; match: z.input<typeof matchRegistrationBody> }) =>
  apiSend("POST", `/api/registrations/${encodeURIComponent(id)}/match`, registrationSchema, match);

export function useMatchRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: matchRegistration,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
