import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { clinicalSystemListSchema, type clinicalSystemsQuery } from "../../../../contracts/clinical-systems.ts";
import { apiGet } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

export type ClinicalSystemsQuery = Partial<z.infer<typeof clinicalSystemsQuery>>;

/** GET /api/clinical-systems — searched, filtered, sorted and paged by the server. */
export const listClinicalSystems = (query: ClinicalSystemsQuery) =>
  apiGet("/api/clinical-systems", clinicalSystemListSchema, query);

export function useClinicalSystems(query: ClinicalSystemsQuery) {
  return useQuery({
    queryKey: clinicalSystemKeys.systems(query),
    queryFn: () => listClinicalSystems(query),
    placeholderData: keepPreviousData,
  });
}
