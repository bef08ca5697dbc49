import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { trustSettingsSchema, type updateTrustSettingsBody } from "../../../../contracts/trusts.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type TrustSettingsInput = z.input<typeof updateTrustSettingsBody>;

/** PATCH /api/trust/settings — only the fields given change. */
export const updateTrustSettings = (body: TrustSettingsInput) =>
  apiSend("PATCH", "/api/trust/settings", trustSettingsSchema, body);

export function useUpdateTrustSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTrustSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.trustSettings, settings);
      // The header, help page and default language come from the session's active trust.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      // The accessibility statement shows the trust's contact.
      void queryClient.invalidateQueries({ queryKey: queryKeys.accessibilityContacts });
    },
  });
}
