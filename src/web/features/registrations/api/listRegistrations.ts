import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { registrationListSchema, type registrationsQuery } from "../../../../contracts/registrations.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

export type RegistrationsQuery = Partial<z.infer<typeof registrationsQuery>>;

/** GET /api/campaigns/{id}/registrations — the campaign's registrations, by state, searched, sorted, paged. */
export const listRegistrations = (campaignId: string, query: RegistrationsQuery) =>
  apiGet(
    `/api/campaigns/${encodeURIComponent(campaignId)}/registrations?${queryString(query)}`,
    registrationListSchema,
  );

export function useRegistrations(campaignId: string, query: RegistrationsQuery, enabled = true) {
  return useQuery({
    queryKey: registrationKeys.registrations(campaignId, queryString(query)),
    queryFn: () => listRegistrations(campaignId, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
