import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { publicTrustsSchema } from "../../../../contracts/account-requests.ts";
import { apiGet } from "../../../lib/api.ts";
import { accountRequestKeys } from "./keys.ts";

export type PublicTrust = z.infer<typeof publicTrustsSchema>[number];

/** GET /api/public/trusts — the trusts and their institutions, for the request form (public). */
export const listPublicTrusts = () => apiGet("/api/public/trusts", publicTrustsSchema);

export function usePublicTrusts() {
  return useQuery({ queryKey: accountRequestKeys.publicTrusts, queryFn: listPublicTrusts, staleTime: 5 * 60_000 });
}
