import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { campaignSchema, type updateCampaignBody } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

export type CampaignUpdate = z.input<typeof updateCampaignBody>;

/** PATCH /api/campaigns/{id} — extend (or move) the deadline, close early or reopen, rename. */
export const updateCampaign = async ({ id, ...body }: CampaignUpdate & { id: string }) =>
  apiSend("PATCH", `/api/campaigns/${encodeURIComponent(id)}`, campaignSchema, body);

export function useUpdateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCampaign,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
