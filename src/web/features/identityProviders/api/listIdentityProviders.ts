import { useQuery } from "@tanstack/react-query";
import type { IdentityProvider } from "../../../../contracts/identity-providers.ts";
import { apiGet } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

/** GET /api/identity-providers — the trust's identity providers (admin; secrets are never sent). */
export const listIdentityProviders = () => apiGet<IdentityProvider[]>("/api/identity-providers");

export function useIdentityProviders() {
  return useQuery({ queryKey: identityProviderKeys.all, queryFn: listIdentityProviders });
}
