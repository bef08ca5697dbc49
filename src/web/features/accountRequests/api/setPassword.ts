import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { setPasswordBody } from "../../../../contracts/account-requests.ts";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/auth/set-password — a new password with the one-time link of an invitation (public). */
export const setPassword = (body: z.input<typeof setPasswordBody>) =>
  apiSend("POST", "/api/auth/set-password", okSchema, body);

export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
