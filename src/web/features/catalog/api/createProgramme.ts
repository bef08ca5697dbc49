import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type programmeBody, programmeSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/programmes */
export const createProgramme = (body: z.input<typeof programmeBody>) =>
  apiSend("POST", "/api/programmes", programmeSchema, body);

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgramme,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
