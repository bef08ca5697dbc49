import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createOverviewBody, overviewSchema } from "../../../../contracts/overviews.ts";
import { apiSend } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";
import { overviewKeys } from "./keys.ts";

/** POST /api/overviews — a new document for a student group (programme and cohort). */
export const createOverview = (body: z.input<typeof createOverviewBody>) =>
  apiSend("POST", "/api/overviews", overviewSchema, body);

export function useCreateOverview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOverview,
    onSuccess: (overview) => {
      queryClient.setQueryData(overviewKeys.detail(overview.id), overview);
      void queryClient.invalidateQueries({ queryKey: overviewKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    },
  });
}
