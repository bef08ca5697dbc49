import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { hrTransferExportBody } from "../../../../contracts/hr-transfer.ts";
import { apiDownload } from "../../../lib/api.ts";

export type HrTransferFile = { exportId: string; fileName: string; blob: Blob };

/** The file name of a `Content-Disposition` header (its RFC 5987 `filename*` when given). */
function fileNameOf(header: string | null, fallback: string): string {
  const extended = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) return decodeURIComponent(extended);
  return header?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/**
 * POST /api/hr-transfer/export — the HR transfer file of the chosen persons (it holds national IDs;
 * the server audits each export). The export's id, for marking it transferred, is in `x-export-id`.
 */
export async function exportHrTransfer(body: z.input<typeof hrTransferExportBody>): Promise<HrTransferFile> {
  const { blob, headers } = await apiDownload("POST", "/api/hr-transfer/export", body);
  return {
    exportId: headers.get("x-export-id") ?? "",
    fileName: fileNameOf(headers.get("content-disposition"), `hr-overforing.${body.format}`),
    blob,
  };
}

export function useExportHrTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: exportHrTransfer,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["registration", "hr-exports"] }),
  });
}

/** Saves a downloaded file as the browser saves downloads. */
export function saveFile({ blob, fileName }: HrTransferFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
