import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { accessProfileListSchema, type accessProfilesQuery } from "../../../../contracts/access-profiles.ts";
import { apiGet } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

export type AccessProfilesQuery = Partial<z.infer<typeof accessProfilesQuery>>;

/** GET /api/access-profiles — searched, filtered, sorted and paged by the server. */
export const listAccessProfiles = (query: AccessProfilesQuery) =>
  apiGet("/api/access-profiles", accessProfileListSchema, query);

export function useAccessProfiles(query: AccessProfilesQuery) {
  return useQuery({
    queryKey: clinicalSystemKeys.profiles(query),
    queryFn: () => listAccessProfiles(query),
    placeholderData: keepPreviousData,
  });
}
