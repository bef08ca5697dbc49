import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type LearningPortalMarkBody, learningPortalMarkResponse } from "../../../../contracts/learning-portal.ts";
import { apiSend } from "../../../lib/api.ts";
import { learningPortalKeys } from "./keys.ts";

/** POST /api/learning-portal/mark-created — all of them or none. */
export const markLearningPortalCreated = (body: LearningPortalMarkBody) =>
  apiSend("POST", "/api/learning-portal/mark-created", learningPortalMarkResponse, body);

export function useMarkLearningPortalCreated() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markLearningPortalCreated,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: learningPortalKeys.all }),
  });
}
