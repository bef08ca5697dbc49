import { useQuery } from "@tanstack/react-query";
import { trustSettingsSchema } from "../../../../contracts/trusts.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/trust/settings — the active trust's settings (admin). */
export const getTrustSettings = () => apiGet("/api/trust/settings", trustSettingsSchema);

export function useTrustSettings() {
  return useQuery({ queryKey: queryKeys.trustSettings, queryFn: getTrustSettings });
}
