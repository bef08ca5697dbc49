import { useMutation } from "@tanstack/react-query";
import { apiDownload } from "../../../lib/api.ts";
import { type DownloadedFile, fileNameOf } from "../../../lib/download.ts";

/** GET /api/orders/{id}/export — the ordering portal's file (it holds national IDs; the server audits each export). */
export async function exportOrder({ id, format }: { id: string; format: "xlsx" | "csv" }): Promise<DownloadedFile> {
  const { blob, headers } = await apiDownload("GET", `/api/orders/${encodeURIComponent(id)}/export?format=${format}`);
  return { fileName: fileNameOf(headers.get("content-disposition"), `bestilling.${format}`), blob };
}

export const useExportOrder = () => useMutation({ mutationFn: exportOrder });
