import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Me, updateMeBody } from "../../../../contracts/auth.ts";
import { apiPatch } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type UpdateProfileInput = z.input<typeof updateMeBody>;

/** PATCH /api/auth/me — the person's own UI language and e-mail notifications. */
export const updateProfile = (body: UpdateProfileInput) => apiPatch<Me>("/api/auth/me", body);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}
