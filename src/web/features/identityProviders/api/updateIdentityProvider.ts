import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { identityProviderSchema, type updateIdentityProviderBody } from "../../../../contracts/identity-providers.ts";
import { apiSend } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

export type UpdateIdentityProviderInput = z.input<typeof updateIdentityProviderBody>;

/** PATCH /api/identity-providers/{id} — fields left out stay; a client secret given replaces the old one. */
export const updateIdentityProvider = ({ id, ...body }: UpdateIdentityProviderInput & { id: string }) =>
  apiSend("PATCH", `/api/identity-providers/${encodeURIComponent(id)}`, identityProviderSchema, body);

export function useUpdateIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIdentityProvider,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}
