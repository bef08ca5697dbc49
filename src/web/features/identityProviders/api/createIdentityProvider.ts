import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createIdentityProviderBody, identityProviderSchema } from "../../../../contracts/identity-providers.ts";
import { apiSend } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

export type CreateIdentityProviderInput = z.input<typeof createIdentityProviderBody>;

/** POST /api/identity-providers */
export const createIdentityProvider = (body: CreateIdentityProviderInput) =>
  apiSend("POST", "/api/identity-providers", identityProviderSchema, body);

export function useCreateIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIdentityProvider,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}
