import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  publicRegistrationSchema,
  type updatePublicRegistrationBody,
} from "../../../../contracts/registrations-public.ts";
import { apiSend } from "../../../lib/api.ts";
import { ownRegistrationKey } from "./getOwnRegistration.ts";

export type OwnContactInput = z.input<typeof updatePublicRegistrationBody>;

/** PATCH /api/public/registrations/{token} — the student corrects their contact details (until the deadline). */
export const updateOwnRegistration = async ({ token, body }: { token: string; body: OwnContactInput }) =>
  apiSend("PATCH", `/api/public/registrations/${encodeURIComponent(token)}`, publicRegistrationSchema, body);

export function useUpdateOwnRegistration(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOwnRegistration,
    onSuccess: (data) => queryClient.setQueryData(ownRegistrationKey(token), data),
  });
}
