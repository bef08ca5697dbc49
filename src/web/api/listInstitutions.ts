import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { institutionSchema } from "../../contracts/institutions.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

/** GET /api/institutions — the institutions the caller may see. */
export const listInstitutions = () => apiGet("/api/institutions", z.array(institutionSchema));

export function useInstitutions(enabled = true) {
  return useQuery({ queryKey: queryKeys.institutions, queryFn: listInstitutions, enabled });
}
