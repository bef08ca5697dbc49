import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { type overviewListQuery, overviewListSchema } from "../../contracts/overviews.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type OverviewListQuery = Partial<z.infer<typeof overviewListQuery>>;

/**
 * GET /api/overviews — a page of the documents the caller may see with their sheets, and how many
 * match in all (the overviews' list, the campaign form's document and sheet picker).
 */
export const listOverviews = (query: OverviewListQuery) => apiGet("/api/overviews", overviewListSchema, query);

export function useOverviews(query: OverviewListQuery, enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.overviews, "list", query],
    queryFn: () => listOverviews(query),
    enabled,
    placeholderData: keepPreviousData,
  });
}
