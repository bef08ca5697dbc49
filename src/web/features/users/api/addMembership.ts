import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type membershipBody, userSchema } from "../../../../contracts/users.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type MembershipInput = z.input<typeof membershipBody>;

/** POST /api/users/{id}/memberships */
export const addMembership = ({ userId, ...body }: MembershipInput & { userId: string }) =>
  apiSend("POST", `/api/users/${encodeURIComponent(userId)}/memberships`, userSchema, body);

export function useAddMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMembership,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
