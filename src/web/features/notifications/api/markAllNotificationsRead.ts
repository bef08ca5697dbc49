import { useMutation, useQueryClient } from "@tanstack/react-query";
import { readAllSchema } from "../../../../contracts/notifications.ts";
import { apiSend } from "../../../lib/api.ts";
import { notificationKeys } from "./keys.ts";

/** POST /api/notifications/read-all */
export const markAllNotificationsRead = () => apiSend("POST", "/api/notifications/read-all", readAllSchema);

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
