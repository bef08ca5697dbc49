import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { deactivationListSchema, type deactivationsQuery } from "../../../../contracts/deactivations.ts";
import { apiDownload } from "../../../lib/api.ts";
import { type DownloadedFile, fileNameOf } from "../../../lib/download.ts";
import { deactivationKeys } from "./keys.ts";

export type DeactivationsQuery = Partial<Omit<z.infer<typeof deactivationsQuery>, "format">>;

/**
 * GET /api/deactivations — one operation for the page (JSON) and the download (`format`: the list as
 * filtered, no national ID; the server audits it).
 */
async function getDeactivations(query: DeactivationsQuery, format?: "xlsx" | "csv") {
  const params = new URLSearchParams(format ? { format } : {});
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    if (format && (key === "limit" || key === "offset")) continue;
    params.set(key, String(value));
  }
  return apiDownload("GET", `/api/deactivations?${params}`);
}

/** The lines whose access must end, filtered, sorted and paged by the server. */
export async function listDeactivations(query: DeactivationsQuery) {
  const { blob } = await getDeactivations(query);
  return deactivationListSchema.parse(JSON.parse(await blob.text()));
}

export function useDeactivations(query: DeactivationsQuery) {
  return useQuery({
    queryKey: deactivationKeys.list(query),
    queryFn: () => listDeactivations(query),
    placeholderData: keepPreviousData,
  });
}

/** The list as a file. */
export async function exportDeactivations({
  query,
  format,
}: {
  query: DeactivationsQuery;
  format: "xlsx" | "csv";
}): Promise<DownloadedFile> {
  const { blob, headers } = await getDeactivations(query, format);
  return { fileName: fileNameOf(headers.get("content-disposition"), `deaktivering.${format}`), blob };
}

export const useExportDeactivations = () => useMutation({ mutationFn: exportDeactivations });
