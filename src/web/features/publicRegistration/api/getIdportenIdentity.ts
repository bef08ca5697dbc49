import { useQuery } from "@tanstack/react-query";
import { idportenIdentitySchema } from "../../../../contracts/registrations-public.ts";
import { apiGet } from "../../../lib/api.ts";

/** GET /api/public/idporten/{oneTimeToken} — what ID-porten verified, for the form to show. */
export const getIdportenIdentity = (oneTime: string) =>
  apiGet(`/api/public/idporten/${encodeURIComponent(oneTime)}`, idportenIdentitySchema);

export function useIdportenIdentity(oneTime: string | null) {
  return useQuery({
    queryKey: ["idporten-identity", oneTime],
    queryFn: () => getIdportenIdentity(oneTime ?? ""),
    enabled: Boolean(oneTime),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
