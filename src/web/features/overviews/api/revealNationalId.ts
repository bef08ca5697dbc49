import { useMutation } from "@tanstack/react-query";
import { apiPost } from "../../../lib/api.ts";

/** POST /api/rows/{id}/reveal-national-id — the whole number, audited; never cached. */
export const revealNationalId = (rowId: string) =>
  apiPost<{ nationalId: string }>(`/api/rows/${encodeURIComponent(rowId)}/reveal-national-id`);

export function useRevealNationalId() {
  return useMutation({ mutationFn: revealNationalId });
}
