import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  accessProfileWithVersionsSchema,
  type UpdateAccessProfileBody,
} from "../../../../contracts/access-profiles.ts";
import { apiSend } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

/** PATCH /api/access-profiles/{id}: a new version, or archive or restore. */
export const updateAccessProfile = ({ id, ...body }: UpdateAccessProfileBody & { id: string }) =>
  apiSend("PATCH", `/api/access-profiles/${encodeURIComponent(id)}`, accessProfileWithVersionsSchema, body);

export function useUpdateAccessProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccessProfile,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clinicalSystemKeys.all }),
  });
}
