import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { membershipBody } from "../../../../contracts/users.ts";
import { apiPost } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type MembershipInput = z.input<typeof membershipBody>;

/** POST /api/users/{id}/memberships */
export const addMembership = ({ userId, ...body }: MembershipInput & { userId: string }) =>
  apiPost<unknown>(`/api/users/${encodeURIComponent(userId)}/memberships`, body);

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
