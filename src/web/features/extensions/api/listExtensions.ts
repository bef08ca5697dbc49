import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ExtensionsQuery, extensionListSchema } from "../../../../contracts/extensions.ts";
import { apiDownload } from "../../../lib/api.ts";
import { type DownloadedFile, fileNameOf } from "../../../lib/download.ts";
import { extensionKeys } from "./keys.ts";

export type ExtensionsListQuery = Partial<Omit<ExtensionsQuery, "format">>;

const queryString = (query: ExtensionsListQuery & { format?: "xlsx" | "csv" }) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
};

/** GET /api/extensions — one operation for the page (JSON) and the download (`format`; the server audits it). */
const getExtensions = (query: ExtensionsListQuery & { format?: "xlsx" | "csv" }) =>
  apiDownload("GET", `/api/extensions?${queryString(query)}`);

/** The extension list of every trust the IT provider serves, paged by the server. */
export async function listExtensions(query: ExtensionsListQuery) {
  const { blob } = await getExtensions(query);
  return extensionListSchema.parse(JSON.parse(await blob.text()));
}

export function useExtensions(query: ExtensionsListQuery) {
  return useQuery({
    queryKey: extensionKeys.list(query),
    queryFn: () => listExtensions(query),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/extensions?format=… — the list as a file (the server audits each download). */
export async function downloadExtensions(
  query: ExtensionsListQuery & { format: "xlsx" | "csv" },
): Promise<DownloadedFile> {
  const { limit: _l, offset: _o, ...filters } = query;
  const { blob, headers } = await getExtensions(filters);
  return { fileName: fileNameOf(headers.get("content-disposition"), `forlengelser.${query.format}`), blob };
}
