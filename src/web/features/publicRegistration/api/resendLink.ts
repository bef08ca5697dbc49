import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type publicResendBody, publicResendResponse } from "../../../../contracts/registrations-public.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/public/resend — "I didn't get the e-mail" / "I lost my link"; the same answer for any address. */
export const resendLink = (body: z.input<typeof publicResendBody>) =>
  apiSend("POST", "/api/public/resend", publicResendResponse, body);

export function useResendLink() {
  return useMutation({ mutationFn: resendLink });
}
