import { useQuery } from "@tanstack/react-query";
import { changesSchema } from "../../../../contracts/overviews.ts";
import { apiGet } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** GET /api/overviews/{id}/changes — every change after submission (national IDs masked). */
export const listChanges = (overviewId: string) =>
  apiGet(`/api/overviews/${encodeURIComponent(overviewId)}/changes`, changesSchema).then((a) => a.changes);

export function useChanges(overviewId: string, enabled = true) {
  return useQuery({ queryKey: overviewKeys.changes(overviewId), queryFn: () => listChanges(overviewId), enabled });
}
