import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type LearningPortalBatchBody, learningPortalBatchSchema } from "../../../../contracts/learning-portal.ts";
import { apiSend } from "../../../lib/api.ts";
import { learningPortalKeys } from "./keys.ts";

/** POST /api/learning-portal/batches — one e-mail to the trust's Læringsportalen address. */
export const sendLearningPortalBatch = (body: LearningPortalBatchBody) =>
  apiSend("POST", "/api/learning-portal/batches", learningPortalBatchSchema, body);

export function useSendLearningPortalBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendLearningPortalBatch,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: learningPortalKeys.all }),
  });
}
