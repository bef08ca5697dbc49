import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type createPersonalLinkBody, personalLinkSchema } from "../../../../contracts/registrations.ts";
import { apiSend } from "../../../lib/api.ts";

export type PersonalLinkInput = z.input<typeof createPersonalLinkBody>;

/** POST /api/campaigns/{id}/personal-links — a link for one late student; its URL is in this answer only. */
export const createPersonalLink = async ({ campaignId, ...body }: PersonalLinkInput & { campaignId: string }) =>
  apiSend("POST", `/api/campaigns/${encodeURIComponent(campaignId)}/personal-links`, personalLinkSchema, body);

export function useCreatePersonalLink() {
  return useMutation({ mutationFn: createPersonalLink });
}
