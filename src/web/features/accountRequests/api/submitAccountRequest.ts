import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { accountRequestBody } from "../../../../contracts/account-requests.ts";
import { apiPost } from "../../../lib/api.ts";

export type AccountRequestInput = z.input<typeof accountRequestBody>;

/** POST /api/account-requests — ask a trust's admins for access (public; answers 202). */
export const submitAccountRequest = (body: AccountRequestInput) => apiPost<{ ok: true }>("/api/account-requests", body);

export function useSubmitAccountRequest() {
  return useMutation({ mutationFn: submitAccountRequest });
}
