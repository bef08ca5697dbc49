import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { type missingStudentsQuery, missingStudentsSchema } from "../../../../contracts/registrations.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

export type MissingQuery = Partial<z.infer<typeof missingStudentsQuery>>;

/** GET /api/campaigns/{id}/missing — the students expected to register who have not. */
export const listMissingStudents = (campaignId: string, query: MissingQuery) =>
  apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/missing?${queryString(query)}`, missingStudentsSchema);

export function useMissingStudents(campaignId: string, query: MissingQuery, enabled = true) {
  return useQuery({
    queryKey: registrationKeys.missing(campaignId, queryString(query)),
    queryFn: () => listMissingStudents(campaignId, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
