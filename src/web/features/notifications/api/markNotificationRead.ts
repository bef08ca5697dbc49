import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Notification } from "../../../../contracts/notifications.ts";
import { apiPost } from "../../../lib/api.ts";
import { notificationKeys } from "./keys.ts";

/** POST /api/notifications/{id}/read */
export const markNotificationRead = (id: string) =>
  apiPost<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`);

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
