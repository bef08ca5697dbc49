import { useQuery } from "@tanstack/react-query";
import { publicRegistrationSchema } from "../../../../contracts/registrations-public.ts";
import { apiGet } from "../../../lib/api.ts";

export const ownRegistrationKey = (token: string) => ["public-registration", token] as const;

/** GET /api/public/registrations/{token} — the student's own page, from the personal link. */
export const getOwnRegistration = (token: string) =>
  apiGet(`/api/public/registrations/${encodeURIComponent(token)}`, publicRegistrationSchema);

export function useOwnRegistration(token: string) {
  return useQuery({ queryKey: ownRegistrationKey(token), queryFn: () => getOwnRegistration(token), retry: false });
}
