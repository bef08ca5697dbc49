import { useQuery } from "@tanstack/react-query";
import type { Institution } from "../../../../contracts/institutions.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/institutions — for FOU's institution filter and choice when creating a document. */
export const listInstitutions = () => apiGet<Institution[]>("/api/institutions");

export function useInstitutions(enabled = true) {
  return useQuery({ queryKey: queryKeys.institutions, queryFn: listInstitutions, enabled });
}
