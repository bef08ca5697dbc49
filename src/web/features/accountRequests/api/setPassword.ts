import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { setPasswordBody } from "../../../../contracts/account-requests.ts";
import { apiPost } from "../../../lib/api.ts";

/** POST /api/auth/set-password — a new password with the one-time link of an invitation (public). */
export const setPassword = (body: z.input<typeof setPasswordBody>) =>
  apiPost<{ ok: true }>("/api/auth/set-password", body);

export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
