import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { searchResultSchema } from "../../../../contracts/search.ts";
import { apiGet } from "../../../lib/api.ts";

export type SearchResult = z.infer<typeof searchResultSchema>["results"][number];

/** GET /api/search?q= — students by name across the documents the caller may see, and whether more match. */
export const searchStudents = (q: string) => apiGet("/api/search", searchResultSchema, { q });

export function useStudentSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["search", query],
    queryFn: () => searchStudents(query),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}
