import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { loginBody } from "../../../../contracts/auth.ts";
import { loadMeSchema } from "../../../api/meSchema.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type LoginInput = z.input<typeof loginBody>;

/** POST /api/auth/login */
export const login = (body: LoginInput) => apiSend("POST", "/api/auth/login", loadMeSchema, body);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
