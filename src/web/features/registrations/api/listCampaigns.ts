import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { campaignListSchema, type campaignsQuery } from "../../../../contracts/registrations.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

export type CampaignsQuery = Partial<z.infer<typeof campaignsQuery>>;

/** GET /api/campaigns — filtered, searched, sorted and paged by the server. */
export const listCampaigns = (query: CampaignsQuery) =>
  apiGet(`/api/campaigns?${queryString(query)}`, campaignListSchema);

export function useCampaigns(query: CampaignsQuery) {
  return useQuery({
    queryKey: registrationKeys.campaigns(queryString(query)),
    queryFn: () => listCampaigns(query),
    placeholderData: keepPreviousData,
  });
}
