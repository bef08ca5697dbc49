import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withdrawnRowSchema } from "../../../../contracts/deactivations.ts";
import { apiSend } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** POST /api/rows/{id}/withdraw — the student is withdrawn from the date, with the reason; the row becomes read-only. */
export const withdrawRow = ({
  rowId,
  date,
  reason,
}: {
  rowId: string;
  date: string;
  reason: string;
  sheetId: string;
  overviewId: string;
}) => apiSend("POST", `/api/rows/${encodeURIComponent(rowId)}/withdraw`, withdrawnRowSchema, { date, reason });

export function useWithdrawRow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawRow,
    onSuccess: (_answer, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(vars.sheetId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
    },
  });
}
