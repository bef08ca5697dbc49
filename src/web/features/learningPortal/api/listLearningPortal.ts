import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { learningPortalListSchema, type learningPortalQuery } from "../../../../contracts/learning-portal.ts";
import { apiGet } from "../../../lib/api.ts";
import { learningPortalKeys } from "./keys.ts";

export type LearningPortalQuery = Partial<z.infer<typeof learningPortalQuery>>;

/** GET /api/learning-portal — who needs a Læringsportalen user, filtered, sorted and paged by the server. */
export const listLearningPortal = (query: LearningPortalQuery) =>
  apiGet("/api/learning-portal", learningPortalListSchema, query);

export function useLearningPortal(query: LearningPortalQuery) {
  return useQuery({
    queryKey: learningPortalKeys.list(query),
    queryFn: () => listLearningPortal(query),
    placeholderData: keepPreviousData,
  });
}
