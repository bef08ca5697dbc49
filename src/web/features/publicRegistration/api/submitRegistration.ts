import { useMutation } from "@tanstack/react-query";
import { type PublicRegistrationBody, publicRegistrationResponse } from "../../../../contracts/registrations-public.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/public/campaigns/{token}/registrations — the same answer whether or not anything was known. */
export const submitRegistration = ({ token, body }: { token: string; body: PublicRegistrationBody }) =>
  apiSend("POST", `/api/public/campaigns/${encodeURIComponent(token)}/registrations`, publicRegistrationResponse, body);

export function useSubmitRegistration() {
  return useMutation({ mutationFn: submitRegistration });
}
