import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type extendRowsBody, extendRowsResponse } from "../../contracts/extensions.ts";
import { apiSend } from "../lib/api.ts";

/** POST /api/rows/extend (`dryRun`: the report of what would be refused, nothing saved). */
export const extendRows = ({ dryRun = false, ...body }: z.input<typeof extendRowsBody> & { dryRun?: boolean }) =>
  apiSend("POST", `/api/rows/extend?dryRun=${dryRun}`, extendRowsResponse, body);

/** Extends rows; every list that shows rows or lines is read again. */
export function useExtendRows() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: extendRows, onSettled: () => void queryClient.invalidateQueries() });
}
