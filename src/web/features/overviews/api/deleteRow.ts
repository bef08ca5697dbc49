import { useMutation, useQueryClient } from "@tanstack/react-query";
import { okSchema } from "../../../../contracts/common.ts";
import { apiSend } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** DELETE /api/rows/{id}?version= — removes a row (a change once the sheet is submitted). */
export const deleteRow = ({
  rowId,
  version,
}: {
  rowId: string;
  version: number;
  sheetId: string;
  overviewId: string;
}) => apiSend("DELETE", `/api/rows/${encodeURIComponent(rowId)}?version=${version}`, okSchema);

export function useDeleteRow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRow,
    onSuccess: (_answer, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(vars.sheetId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
    },
  });
}
