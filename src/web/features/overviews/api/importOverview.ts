import type { z } from "zod";
import type { ImportReport, importPeriodsSchema } from "../../../../contracts/overviews-import.ts";
import { ApiRequestError } from "../../../lib/api.ts";

export type ImportPeriods = z.infer<typeof importPeriodsSchema>;

/**
 * POST /api/overviews/{id}/import?dryRun= (multipart: `file`, `periods` as JSON). Uses
 * XMLHttpRequest so that the upload's progress can be shown; resolves with the report.
 */
export function importOverview({
  overviewId,
  file,
  dryRun,
  periods,
  onProgress,
}: {
  overviewId: string;
  file: File;
  dryRun: boolean;
  periods: ImportPeriods;
  onProgress?: (fraction: number) => void;
}): Promise<ImportReport> {
  const form = new FormData();
  form.append("periods", JSON.stringify(periods));
  form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/overviews/${encodeURIComponent(overviewId)}/import?dryRun=${dryRun ? "true" : "false"}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiRequestError(0, { code: "network.failed", message: "The server could not be reached." }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as ImportReport);
        return;
      }
      const body = data as { code?: unknown; message?: unknown; details?: Record<string, unknown> } | null;
      reject(
        new ApiRequestError(
          xhr.status,
          body && typeof body.code === "string"
            ? { code: body.code, message: String(body.message ?? ""), details: body.details }
            : { code: xhr.status === 413 ? "upload.too_large" : `http.${xhr.status}`, message: xhr.statusText },
        ),
      );
    };
    xhr.send(form);
  });
}
