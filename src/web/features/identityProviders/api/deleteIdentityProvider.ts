import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { identityProviderKeys } from "./keys.ts";

/** DELETE /api/identity-providers/{id} — also removes the sign-ins linked through it. */
export const deleteIdentityProvider = (id: string) =>
  apiSend("DELETE", `/api/identity-providers/${encodeURIComponent(id)}`, okSchema);

export function useDeleteIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteIdentityProvider,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}
