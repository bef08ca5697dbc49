import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { readinessListSchema, type readinessQuery } from "../../../../contracts/orders.ts";
import { apiGet } from "../../../lib/api.ts";
import { readinessKeys } from "./keys.ts";

export type ReadinessQuery = Partial<z.infer<typeof readinessQuery>>;

/** GET /api/readiness — each student's steps before the placement, filtered, sorted and paged by the server. */
export const listReadiness = (query: ReadinessQuery) => apiGet("/api/readiness", readinessListSchema, query);

export function useReadiness(query: ReadinessQuery) {
  return useQuery({
    queryKey: readinessKeys.list(query),
    queryFn: () => listReadiness(query),
    placeholderData: keepPreviousData,
  });
}
