import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type updateUserBody, userSchema } from "../../../../contracts/users.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type UpdateUserInput = z.input<typeof updateUserBody>;

/** PATCH /api/users/{id} — name, active, password. */
export const updateUser = ({ id, ...body }: UpdateUserInput & { id: string }) =>
  apiSend("PATCH", `/api/users/${encodeURIComponent(id)}`, userSchema, body);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
