import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { professionBody } from "../../../../contracts/catalog.ts";
import { apiPatch } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/professions/{id} */
export const updateProfession = ({ id, ...body }: z.input<typeof professionBody> & { id: string }) =>
  apiPatch<unknown>(`/api/professions/${encodeURIComponent(id)}`, body);

export function useUpdateProfession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfession,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.professions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes });
    },
  });
}
