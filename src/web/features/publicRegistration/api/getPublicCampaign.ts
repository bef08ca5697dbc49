import { useQuery } from "@tanstack/react-query";
import { type PublicCampaign, publicCampaignSchema } from "../../../../contracts/registrations-public.ts";
import { apiGet } from "../../../lib/api.ts";

/** GET /api/public/campaigns/{token} — what the form needs to know of a campaign (or a personal link's). */
export const getPublicCampaign = (token: string): Promise<PublicCampaign> =>
  apiGet(`/api/public/campaigns/${encodeURIComponent(token)}`, publicCampaignSchema);

export function usePublicCampaign(token: string) {
  return useQuery({ queryKey: ["public-campaign", token], queryFn: () => getPublicCampaign(token), retry: false });
}
