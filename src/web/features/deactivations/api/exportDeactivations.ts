import { useMutation } from "@tanstack/react-query";
import { apiDownload } from "../../../lib/api.ts";
import { type DownloadedFile, fileNameOf } from "../../../lib/download.ts";
import type { DeactivationsQuery } from "./listDeactivations.ts";

/** GET /api/deactivations?format=… — the list as filtered, as a file (no national ID; the server audits it). */
export async function exportDeactivations({
  query,
  format,
}: {
  query: DeactivationsQuery;
  format: "xlsx" | "csv";
}): Promise<DownloadedFile> {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && key !== "limit" && key !== "offset") params.set(key, String(value));
  }
  const { blob, headers } = await apiDownload("GET", `/api/deactivations?${params}`);
  return { fileName: fileNameOf(headers.get("content-disposition"), `deaktivering.${format}`), blob };
}

export const useExportDeactivations = () => useMutation({ mutationFn: exportDeactivations });
