import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { agreementSchema } from "../../../../contracts/institutions.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/agreements — the active trust's agreements the caller may see. */
export const listAgreements = () => apiGet("/api/agreements", z.array(agreementSchema));

export function useAgreements(enabled = true) {
  return useQuery({ queryKey: queryKeys.agreements, queryFn: listAgreements, enabled });
}
