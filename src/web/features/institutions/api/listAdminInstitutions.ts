import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { institutionSchema } from "../../../../contracts/institutions.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/admin/institutions — every institution (admin), with or without an agreement. */
export const listAdminInstitutions = () => apiGet("/api/admin/institutions", z.array(institutionSchema));

export function useAdminInstitutions(enabled = true) {
  return useQuery({ queryKey: queryKeys.adminInstitutions, queryFn: listAdminInstitutions, enabled });
}
