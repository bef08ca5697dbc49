import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type accountRequestBody, accountRequestSubmittedSchema } from "../../../../contracts/account-requests.ts";
import { apiSend } from "../../../lib/api.ts";

export type AccountRequestInput = z.input<typeof accountRequestBody>;

/** POST /api/account-requests — ask a trust's admins for access (public; answers 202, with notices). */
export const submitAccountRequest = (body: AccountRequestInput) =>
  apiSend("POST", "/api/account-requests", accountRequestSubmittedSchema, body);

export function useSubmitAccountRequest() {
  return useMutation({ mutationFn: submitAccountRequest });
}
