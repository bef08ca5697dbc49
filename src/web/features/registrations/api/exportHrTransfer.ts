import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { hrTransferExportBody } from "../../../../contracts/hr-transfer.ts";
import { apiDownload } from "../../../lib/api.ts";
import { type DownloadedFile, fileNameOf } from "../../../lib/download.ts";

export type HrTransferFile = DownloadedFile & { exportId: string };

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
