import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { programmeSchema } from "../../../../contracts/catalog.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

export type Programme = z.infer<typeof programmeSchema>;

/** GET /api/programmes — the study programmes a student group can belong to. */
export const listProgrammes = () => apiGet<Programme[]>("/api/programmes");

export function useProgrammes() {
  return useQuery({ queryKey: queryKeys.programmes, queryFn: listProgrammes });
}
