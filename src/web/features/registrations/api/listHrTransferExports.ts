import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { hrTransferExportListSchema } from "../../../../contracts/hr-transfer.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryString, registrationKeys } from "./keys.ts";

/** GET /api/hr-transfer/exports — the files downloaded, newest first. */
export const listHrTransferExports = (query: { limit: number; offset: number }) =>
  apiGet(`/api/hr-transfer/exports?${queryString(query)}`, hrTransferExportListSchema);

export function useHrTransferExports(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: registrationKeys.exports(queryString(query)),
    queryFn: () => listHrTransferExports(query),
    placeholderData: keepPreviousData,
  });
}
