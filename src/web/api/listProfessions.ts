import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { professionSchema } from "../../contracts/catalog.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type Profession = z.infer<typeof professionSchema>;

/** GET /api/professions */
export const listProfessions = () => apiGet("/api/professions", z.array(professionSchema));

export function useProfessions() {
  return useQuery({ queryKey: queryKeys.professions, queryFn: listProfessions });
}
