import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { type matchingQuery, matchingViewSchema } from "../../../../contracts/registrations.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

export type MatchingQuery = Partial<z.infer<typeof matchingQuery>> & { campaignId: string };

/** GET /api/registrations/matching — unmatched registrations with suggestions, beside the rows without one. */
export const getMatching = (query: MatchingQuery) =>
  apiGet(`/api/registrations/matching?${queryString(query)}`, matchingViewSchema);

export function useMatching(query: MatchingQuery) {
  return useQuery({
    queryKey: registrationKeys.matching(queryString(query)),
    queryFn: () => getMatching(query),
    placeholderData: keepPreviousData,
  });
}
