import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type WebcruiterImportReport, webcruiterImportReportSchema } from "../../../../contracts/webcruiter-import.ts";
import { apiUpload } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/**
 * POST /api/webcruiter-import?campaignId=&dryRun= (multipart `file`): Webcruiter's applicant export,
 * checked as the form's registrations are; a dry run reports what a save would do.
 */
export function importWebcruiter({
  campaignId,
  file,
  dryRun,
  onProgress,
}: {
  campaignId: string;
  file: File;
  dryRun: boolean;
  onProgress?: (fraction: number) => void;
}): Promise<WebcruiterImportReport> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiUpload("/api/webcruiter-import", webcruiterImportReportSchema, form, {
    query: { campaignId, dryRun: String(dryRun) },
    onProgress,
  });
}

export function useImportWebcruiter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWebcruiter,
    onSuccess: (report) => {
      if (!report.saved) return;
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
