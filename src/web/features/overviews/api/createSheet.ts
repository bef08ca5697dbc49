import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createSheetBody, sheetSchema } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { overviewKeys } from "./keys.ts";

/** POST /api/overviews/{id}/sheets — a new period (or international) sheet, optionally copying rows. */
export const createSheet = ({ overviewId, ...body }: z.input<typeof createSheetBody> & { overviewId: string }) =>
  apiSend("POST", `/api/overviews/${encodeURIComponent(overviewId)}/sheets`, sheetSchema, body);

export function useCreateSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSheet,
    onSuccess: (_sheet, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: ["overviews", "list"] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
