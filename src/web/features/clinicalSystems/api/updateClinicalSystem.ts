import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clinicalSystemSchema, type UpdateClinicalSystemBody } from "../../../../contracts/clinical-systems.ts";
import { apiSend } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

/** PATCH /api/clinical-systems/{id}: rename, change the roles, archive or restore. */
export const updateClinicalSystem = ({ id, ...body }: UpdateClinicalSystemBody & { id: string }) =>
  apiSend("PATCH", `/api/clinical-systems/${encodeURIComponent(id)}`, clinicalSystemSchema, body);

export function useUpdateClinicalSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClinicalSystem,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clinicalSystemKeys.all }),
  });
}
