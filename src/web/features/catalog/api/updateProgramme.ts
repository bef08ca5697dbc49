import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type programmeBody, programmeSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/programmes/{id} */
export const updateProgramme = ({ id, ...body }: z.input<typeof programmeBody> & { id: string }) =>
  apiSend("PATCH", `/api/programmes/${encodeURIComponent(id)}`, programmeSchema, body);

export function useUpdateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgramme,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes });
    },
  });
}
