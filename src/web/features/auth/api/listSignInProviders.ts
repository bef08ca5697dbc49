import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { signInProviderSchema } from "../../../../contracts/identity-providers.ts";
import { apiGet } from "../../../lib/api.ts";

/** GET /api/auth/providers — the identity providers to offer on the sign-in page (public). */
export const listSignInProviders = () => apiGet("/api/auth/providers", z.array(signInProviderSchema));

export function useSignInProviders() {
  return useQuery({ queryKey: ["auth", "providers"], queryFn: listSignInProviders, staleTime: 5 * 60_000 });
}
