import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { identityProviderSchema } from "../../../../contracts/identity-providers.ts";
import { apiGet } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

/** GET /api/identity-providers — the trust's identity providers (admin; secrets are never sent). */
export const listIdentityProviders = () => apiGet("/api/identity-providers", z.array(identityProviderSchema));

export function useIdentityProviders() {
  return useQuery({ queryKey: identityProviderKeys.all, queryFn: listIdentityProviders });
}
