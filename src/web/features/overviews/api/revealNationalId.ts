import { useMutation } from "@tanstack/react-query";
import { revealedNationalIdSchema } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/rows/{id}/reveal-national-id — the whole number, audited; never cached. */
export const revealNationalId = (rowId: string) =>
  apiSend("POST", `/api/rows/${encodeURIComponent(rowId)}/reveal-national-id`, revealedNationalIdSchema);

export function useRevealNationalId() {
  return useMutation({ mutationFn: revealNationalId });
}
