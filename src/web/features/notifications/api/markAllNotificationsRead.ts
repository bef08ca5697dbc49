import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { readAllSchema } from "../../../../contracts/notifications.ts";
import { apiPost } from "../../../lib/api.ts";
import { notificationKeys } from "./keys.ts";

/** POST /api/notifications/read-all */
export const markAllNotificationsRead = () => apiPost<z.infer<typeof readAllSchema>>("/api/notifications/read-all");

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
