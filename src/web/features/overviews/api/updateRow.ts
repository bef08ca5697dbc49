import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type Row, type RowInput, rowSchema } from "../../../../contracts/overviews.ts";
import type { SheetRows } from "../../../api/listSheetRows.ts";
import { apiSend } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

export type UpdateRowVars = { rowId: string; sheetId: string; overviewId: string; version: number; input: RowInput };

/** PATCH /api/rows/{id} — changes cells of a row; 409 rows.conflict when someone else saved first. */
export const updateRow = ({ rowId, version, input }: UpdateRowVars) =>
  apiSend("PATCH", `/api/rows/${encodeURIComponent(rowId)}`, rowSchema, { ...input, version });

/** Puts a row the server answered with into the sheet's cached rows. */
export function replaceCachedRow(queryClient: ReturnType<typeof useQueryClient>, row: Row) {
  queryClient.setQueryData<SheetRows>(overviewKeys.rows(row.sheetId), (old) =>
    old ? { ...old, rows: old.rows.map((r) => (r.id === row.id ? row : r)) } : old,
  );
}

export function useUpdateRow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRow,
    onSuccess: (row, vars) => {
      replaceCachedRow(queryClient, row);
      void queryClient.invalidateQueries({ queryKey: overviewKeys.detail(vars.overviewId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
    },
  });
}
