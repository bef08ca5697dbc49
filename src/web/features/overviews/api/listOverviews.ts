import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { overviewSchema } from "../../../../contracts/overviews.ts";
import { apiGet } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** GET /api/overviews — the documents the caller may see, optionally of one institution. */
export const listOverviews = (institutionId: string | null) =>
  apiGet("/api/overviews", z.array(overviewSchema), { institutionId });

export function useOverviews(institutionId: string | null) {
  return useQuery({ queryKey: overviewKeys.list(institutionId), queryFn: () => listOverviews(institutionId) });
}
