import { useMutation, useQueryClient } from "@tanstack/react-query";
import { webcruiterImportReportSchema } from "../../../../contracts/registrations.ts";
import { ApiRequestError } from "../../../lib/api.ts";
import { registrationKeys } from "./keys.ts";

/**
 * POST /api/webcruiter-import?campaignId=&dryRun= (multipart `file`): Webcruiter's applicant export,
 * matched as the form's registrations are; a dry run reports what would be saved.
 */
export async function importWebcruiter({
  campaignId,
  file,
  dryRun,
}: {
  campaignId: string;
  file: File;
  dryRun: boolean;
}) {
  const form = new FormData();
  form.append("file", file, file.name);
  const search = new URLSearchParams({ campaignId, dryRun: dryRun ? "true" : "false" });
  let response: Response;
  try {
    response = await fetch(`/api/webcruiter-import?${search.toString()}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      body: form,
    });
  } catch {
    throw new ApiRequestError(0, { code: "network.failed", message: "The server could not be reached." });
  }
  const data = (await response.json().catch(() => null)) as {
    code?: unknown;
    message?: unknown;
    details?: Record<string, unknown>;
  } | null;
  if (!response.ok) {
    throw new ApiRequestError(
      response.status,
      data && typeof data.code === "string"
        ? { code: data.code, message: String(data.message ?? ""), details: data.details }
        : {
            code: response.status === 413 ? "upload.too_large" : `http.${response.status}`,
            message: response.statusText,
          },
    );
  }
  return webcruiterImportReportSchema.parse(data);
}

export function useImportWebcruiter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWebcruiter,
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
    },
  });
}
