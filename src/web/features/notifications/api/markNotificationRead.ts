import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notificationSchema } from "../../../../contracts/notifications.ts";
import { apiSend } from "../../../lib/api.ts";
import { notificationKeys } from "./keys.ts";

/** POST /api/notifications/{id}/read */
export const markNotificationRead = (id: string) =>
  apiSend("POST", `/api/notifications/${encodeURIComponent(id)}/read`, notificationSchema);

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
