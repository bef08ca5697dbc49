import { useMutation } from "@tanstack/react-query";
import { publicConfirmationResponse } from "../../../../contracts/registrations-public.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/public/confirmations/{token} — the one-time confirmation of the e-mail address (or of a waiting change). */
export const confirmEmail = async (token: string) =>
  apiSend("POST", `/api/public/confirmations/${encodeURIComponent(token)}`, publicConfirmationResponse);

export function useConfirmEmail() {
  return useMutation({ mutationFn: confirmEmail });
}
