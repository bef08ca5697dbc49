import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DuplicateGroup, DuplicateReason } from "../../../../contracts/persons.ts";
import { apiGet } from "../../../lib/api.ts";

export interface DuplicatesFilter {
  reason?: DuplicateReason;
  q?: string;
  limit: number;
  offset: number;
}

/** GET /api/persons/duplicates — groups of persons who may be the same student, one page. */
export const listDuplicates = (f: DuplicatesFilter) => {
  const params = new URLSearchParams({ limit: String(f.limit), offset: String(f.offset) });
  if (f.reason) params.set("reason", f.reason);
  if (f.q) params.set("q", f.q);
  return apiGet<{ groups: DuplicateGroup[]; total: number }>(`/api/persons/duplicates?${params}`);
};

export function useDuplicates(f: DuplicatesFilter) {
  return useQuery({
    queryKey: ["persons", "duplicates", f],
    queryFn: () => listDuplicates(f),
    placeholderData: keepPreviousData,
  });
}
