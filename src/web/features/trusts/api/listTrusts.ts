import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { trustSettingsSchema } from "../../../../contracts/trusts.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/trusts — every trust with its settings (system administrator). */
export const listTrusts = () => apiGet("/api/trusts", z.array(trustSettingsSchema));

export function useTrusts() {
  return useQuery({ queryKey: queryKeys.trusts, queryFn: listTrusts });
}
