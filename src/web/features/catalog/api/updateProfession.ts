import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type professionBody, professionSchema } from "../../../../contracts/catalog.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** PATCH /api/professions/{id} */
export const updateProfession = ({ id, ...body }: z.input<typeof professionBody> & { id: string }) =>
  apiSend("PATCH", `/api/professions/${encodeURIComponent(id)}`, professionSchema, body);

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
