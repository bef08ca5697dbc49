import { useQuery } from "@tanstack/react-query";
import { overviewSchema } from "../../../../contracts/overviews.ts";
import { apiGet } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** GET /api/overviews/{id} — one document with its sheets. */
export const getOverview = (id: string) => apiGet(`/api/overviews/${encodeURIComponent(id)}`, overviewSchema);

export function useOverview(id: string) {
  return useQuery({ queryKey: overviewKeys.detail(id), queryFn: () => getOverview(id) });
}
