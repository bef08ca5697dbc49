import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createUserBody, userSchema } from "../../../../contracts/users.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type CreateUserInput = z.input<typeof createUserBody>;

/** POST /api/users */
export const createUser = (body: CreateUserInput) => apiSend("POST", "/api/users", userSchema, body);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
