import type { z } from "zod";
import {
  type ImportReport,
  type importPeriodsSchema,
  importReportSchema,
} from "../../../../contracts/overviews-import.ts";
import { apiUpload } from "../../../lib/api.ts";

export type ImportPeriods = z.infer<typeof importPeriodsSchema>;

/** POST /api/overviews/{id}/import?dryRun= (multipart: `file`, `periods` as JSON), with the upload's progress. */
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
  return apiUpload(`/api/overviews/${encodeURIComponent(overviewId)}/import`, importReportSchema, form, {
    query: { dryRun: String(dryRun) },
    onProgress,
  });
}
