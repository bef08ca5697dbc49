import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createdCommentSchema } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";
import { overviewKeys } from "./keys.ts";

/** POST /api/rows/{id}/comments — a signed, dated comment on a row (national IDs in it masked, with a notice). */
export const addComment = ({ rowId, body }: { rowId: string; sheetId: string; overviewId: string; body: string }) =>
  apiSend("POST", `/api/rows/${encodeURIComponent(rowId)}/comments`, createdCommentSchema, { body });

export function useAddComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addComment,
    onSuccess: (_answer, vars) => {
      void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(vars.sheetId) });
      void queryClient.invalidateQueries({ queryKey: overviewKeys.changes(vars.overviewId) });
    },
  });
}
