import { useQuery } from "@tanstack/react-query";
import { dashboardSchema } from "../../../../contracts/dashboard.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/dashboard — counts for the start page, each with the page behind it. */
export const getDashboard = () => apiGet("/api/dashboard", dashboardSchema);

export function useDashboard(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.dashboard, queryFn: getDashboard, enabled });
}
