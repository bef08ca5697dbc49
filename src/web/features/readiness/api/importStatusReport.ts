import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type StatusImportReport, statusImportReportSchema } from "../../../../contracts/orders.ts";
import { apiUpload } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { readinessKeys } from "./keys.ts";

/**
 * POST /api/orders/status-import?dryRun= (multipart `file`): the ordering portal's status report; a
 * dry run reports what a save would change and what it could not match.
 */
export function importStatusReport({
  file,
  dryRun,
  onProgress,
}: {
  file: File;
  dryRun: boolean;
  onProgress?: (fraction: number) => void;
}): Promise<StatusImportReport> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiUpload("/api/orders/status-import", statusImportReportSchema, form, {
    query: { dryRun: String(dryRun) },
    onProgress,
  });
}

export function useImportStatusReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importStatusReport,
    onSuccess: (report) => {
      if (!report.saved) return;
      void queryClient.invalidateQueries({ queryKey: readinessKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
      void queryClient.invalidateQueries({ queryKey: queryKeys.overviews });
    },
  });
}
