import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { submitResultSchema } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { overviewKeys } from "./keys.ts";

export type SubmitResult = z.infer<typeof submitResultSchema>;

/** POST /api/sheets/{id}/submit — hands the sheet to FOU; 409 sheets.has_problems while rows have errors. */
export const submitSheet = ({ sheetId }: { sheetId: string; overviewId: string }) =>
  apiSend("POST", `/api/sheets/${encodeURIComponent(sheetId)}/submit`, submitResultSchema);

export function useSubmitSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitSheet,
    onSuccess: (_result, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(vars.sheetId) });
      void queryClient.invalidateQueries({ queryKey: ["overviews", "list"] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
