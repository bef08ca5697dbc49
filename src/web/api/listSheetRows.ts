import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { sheetRowsSchema } from "../../contracts/overviews.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

export type SheetRows = z.infer<typeof sheetRowsSchema>;

/**
 * GET /api/sheets/{id}/rows — the sheet with its rows, problems, changes and comments (the sheet's
 * grid; the order of a sheet's rows). Kept under the overviews' keys, which their changes invalidate.
 */
export const listRows = (sheetId: string) => apiGet(`/api/sheets/${encodeURIComponent(sheetId)}/rows`, sheetRowsSchema);

export function useSheetRows(sheetId: string) {
  return useQuery({ queryKey: [...queryKeys.overviews, "rows", sheetId], queryFn: () => listRows(sheetId) });
}
