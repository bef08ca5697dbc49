import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { deactivationListSchema, type deactivationsQuery } from "../../../../contracts/deactivations.ts";
import { apiGet } from "../../../lib/api.ts";
import { deactivationKeys } from "./keys.ts";

export type DeactivationsQuery = Partial<Omit<z.infer<typeof deactivationsQuery>, "format">>;

/** GET /api/deactivations — the lines whose access must end, filtered, sorted and paged by the server. */
export const listDeactivations = (query: DeactivationsQuery) =>
  apiGet("/api/deactivations", deactivationListSchema, query);

export function useDeactivations(query: DeactivationsQuery) {
  return useQuery({
    queryKey: deactivationKeys.list(query),
    queryFn: () => listDeactivations(query),
    placeholderData: keepPreviousData,
  });
}
