import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  accessProfileWithVersionsSchema,
  type CreateAccessProfileBody,
} from "../../../../contracts/access-profiles.ts";
import { apiSend } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

/** POST /api/access-profiles */
export const createAccessProfile = (body: CreateAccessProfileBody) =>
  apiSend("POST", "/api/access-profiles", accessProfileWithVersionsSchema, body);

export function useCreateAccessProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccessProfile,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clinicalSystemKeys.all }),
  });
}
