import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { updateMeBody } from "../../contracts/auth.ts";
import { apiSend } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";
import { loadMeSchema } from "./meSchema.ts";

/**
 * PATCH /api/auth/me — the person's own UI language (null: the trust's default) and e-mail
 * notifications; used by the header's language chooser and the profile page.
 */
export const updateMe = (body: z.input<typeof updateMeBody>) => apiSend("PATCH", "/api/auth/me", loadMeSchema, body);

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}
