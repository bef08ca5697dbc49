import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { overviewSchema } from "../../contracts/overviews.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

/**
 * GET /api/overviews — the documents the caller may see with their sheets, optionally of one
 * institution (the overviews' list, the campaign form's document and sheet picker).
 */
export const listOverviews = (institutionId: string | null) =>
  apiGet("/api/overviews", z.array(overviewSchema), { institutionId });

export function useOverviews(institutionId: string | null, enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.overviews, "list", institutionId ?? "all"],
    queryFn: () => listOverviews(institutionId),
    enabled,
  });
}
