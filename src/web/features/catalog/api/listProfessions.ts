import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { professionSchema } from "../../../../contracts/catalog.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type Profession = z.infer<typeof professionSchema>;

/** GET /api/professions */
export const listProfessions = () => apiGet<Profession[]>("/api/professions");

export function useProfessions() {
  return useQuery({ queryKey: queryKeys.professions, queryFn: listProfessions });
}
