import { useQuery } from "@tanstack/react-query";
import { accessProfileWithVersionsSchema } from "../../../../contracts/access-profiles.ts";
import { apiGet } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

/** GET /api/access-profiles/{id}: the profile with all its versions, newest first. */
export const getAccessProfile = (id: string) =>
  apiGet(`/api/access-profiles/${encodeURIComponent(id)}`, accessProfileWithVersionsSchema);

export function useAccessProfile(id: string) {
  return useQuery({ queryKey: clinicalSystemKeys.profile(id), queryFn: () => getAccessProfile(id) });
}
