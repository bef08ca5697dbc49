import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createdRowsSchema, type RowInput } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** POST /api/sheets/{id}/rows — one new row, or several pasted from Excel (`{ rows }`). */
export const createRows = ({ sheetId, rows }: { sheetId: string; overviewId: string; rows: RowInput[] }) =>
  apiSend(
    "POST",
    `/api/sheets/${encodeURIComponent(sheetId)}/rows`,
    createdRowsSchema,
    rows.length === 1 ? rows[0] : { rows },
  ).then((answer) => answer.rows);

export function useCreateRows() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRows,
    onSuccess: (_rows, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(vars.sheetId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
    },
  });
}
