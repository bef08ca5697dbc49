import { useQuery } from "@tanstack/react-query";
import type { TrustSettings } from "../../../../contracts/trusts.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type TrustListItem = TrustSettings;

/** GET /api/trusts — every trust with its settings (system administrator). */
export const listTrusts = () => apiGet<TrustSettings[]>("/api/trusts");

export function useTrusts() {
  return useQuery({ queryKey: queryKeys.trusts, queryFn: listTrusts });
}
