import type { z } from "zod";
import {
  type ImportReport,
  type importPeriodsSchema,
  importReportSchema,
} from "../../../../contracts/overviews-import.ts";
import { answerError, networkError, parseJson } from "../../../lib/api.ts";

export type ImportPeriods = z.infer<typeof importPeriodsSchema>;

/**
 * POST /api/overviews/{id}/import?dryRun= (multipart: `file`, `periods` as JSON). Uses
 * XMLHttpRequest so that the upload's progress can be shown; resolves with the report, parsed with its
 * schema (a 413 without problem details is the proxy refusing the upload: `upload.too_large`).
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
    xhr.open("POST", `/api/overviews/${encodeURIComponent(overviewId)}/import?dryRun=${String(dryRun)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const report = importReportSchema.safeParse(data);
        if (report.success) resolve(report.data);
        else reject(report.error);
        return;
      }
      reject(answerError(xhr.status, data, xhr.statusText, xhr.status === 413 ? "upload.too_large" : undefined));
    };
    xhr.send(form);
  });
}
