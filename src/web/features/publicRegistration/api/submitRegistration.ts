import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { PublicRegistrationBody, publicRegistrationResponse } from "../../../../contracts/registrations.ts";
import { apiPost } from "../../../lib/api.ts";

type Answer = z.infer<typeof publicRegistrationResponse>;

/** POST /api/public/campaigns/{token}/registrations — the same answer whether or not anything was known. */
export const submitRegistration = ({ token, body }: { token: string; body: PublicRegistrationBody }) =>
  apiPost<Answer>(`/api/public/campaigns/${encodeURIComponent(token)}/registrations`, body);

export function useSubmitRegistration() {
  return useMutation({ mutationFn: submitRegistration });
}
