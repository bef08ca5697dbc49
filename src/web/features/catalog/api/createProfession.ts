import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type professionBody, professionSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** POST /api/professions */
export const createProfession = (body: z.input<typeof professionBody>) =>
  apiSend("POST", "/api/professions", professionSchema, body);

export function useCreateProfession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProfession,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.professions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
