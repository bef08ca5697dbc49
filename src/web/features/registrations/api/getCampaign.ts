import { useQuery } from "@tanstack/react-query";
import { campaignSchema } from "../../../../contracts/registrations.ts";
import { apiGet } from "../../../lib/api.ts";
import { registrationKeys } from "./keys.ts";

/** GET /api/campaigns/{id} */
export const getCampaign = (id: string) => apiGet(`/api/campaigns/${encodeURIComponent(id)}`, campaignSchema);

export function useCampaign(id: string) {
  return useQuery({ queryKey: registrationKeys.campaign(id), queryFn: () => getCampaign(id) });
}
