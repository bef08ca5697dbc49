import { useMutation, useQueryClient } from "@tanstack/react-query";
import { hrTransferMarkResponse } from "../../../../contracts/hr-transfer.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { registrationKeys } from "./keys.ts";

/** POST /api/hr-transfer/mark — the export's persons are transferred (their Registrert cells turn green). */
export const markHrTransfer = async (exportId: string) =>
  apiSend("POST", "/api/hr-transfer/mark", hrTransferMarkResponse, { exportId });

export function useMarkHrTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markHrTransfer,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
