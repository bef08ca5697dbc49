import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type DuplicateReason, duplicatesResponse } from "../../../../contracts/persons.ts";
import { apiGet } from "../../../lib/api.ts";

export interface DuplicatesFilter {
  reason?: DuplicateReason;
  q?: string;
  limit: number;
  offset: number;
}

/** GET /api/persons/duplicates — groups of persons who may be the same student, one page. */
export const listDuplicates = (f: DuplicatesFilter) => {
  return apiGet("/api/persons/duplicates", duplicatesResponse, { ...f });
};

export function useDuplicates(f: DuplicatesFilter) {
  return useQuery({
    queryKey: ["persons", "duplicates", f],
    queryFn: () => listDuplicates(f),
    placeholderData: keepPreviousData,
  });
}
