import { useQuery } from "@tanstack/react-query";
import type { Institution } from "../../../../contracts/institutions.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/institutions — the institutions a programme can belong to. */
export const listInstitutions = () => apiGet<Institution[]>("/api/institutions");

export function useInstitutions() {
  return useQuery({ queryKey: queryKeys.institutions, queryFn: listInstitutions });
}
