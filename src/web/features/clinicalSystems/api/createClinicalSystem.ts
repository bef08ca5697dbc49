import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type CreateClinicalSystemBody, clinicalSystemSchema } from "../../../../contracts/clinical-systems.ts";
import { apiSend } from "../../../lib/api.ts";
import { clinicalSystemKeys } from "./keys.ts";

/** POST /api/clinical-systems */
export const createClinicalSystem = (body: CreateClinicalSystemBody) =>
  apiSend("POST", "/api/clinical-systems", clinicalSystemSchema, body);

export function useCreateClinicalSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClinicalSystem,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clinicalSystemKeys.all }),
  });
}
