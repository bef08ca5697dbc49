import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type CreateCampaignBody, campaignSchema } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/campaigns */
export const createCampaign = async (body: CreateCampaignBody) =>
  apiSend("POST", "/api/campaigns", campaignSchema, body);

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
