import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { programmeSchema } from "../../contracts/catalog.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type Programme = z.infer<typeof programmeSchema>;

/** GET /api/programmes — the study programmes the caller may see. */
export const listProgrammes = () => apiGet("/api/programmes", z.array(programmeSchema));

export function useProgrammes() {
  return useQuery({ queryKey: queryKeys.programmes, queryFn: listProgrammes });
}
