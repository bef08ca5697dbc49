import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createIdentityProviderBody, IdentityProvider } from "../../../../contracts/identity-providers.ts";
import { apiPost } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

export type CreateIdentityProviderInput = z.input<typeof createIdentityProviderBody>;

/** POST /api/identity-providers */
export const createIdentityProvider = (body: CreateIdentityProviderInput) =>
  apiPost<IdentityProvider>("/api/identity-providers", body);

export function useCreateIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIdentityProvider,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}
