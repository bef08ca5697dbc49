import { useQuery } from "@tanstack/react-query";
import { notificationListSchema } from "../../../../contracts/notifications.ts";
import { apiGet } from "../../../lib/api.ts";
import { notificationKeys, POLL_MS } from "./keys.ts";

/** GET /api/notifications — the caller's notifications, newest first, and how many are unread. */
export const listNotifications = ({ unread, limit }: { unread?: boolean; limit?: number } = {}) =>
  apiGet("/api/notifications", notificationListSchema, {
    unread: unread ? "true" : undefined,
    limit: limit || undefined,
  });

/** The list on the notifications page (the newest 200), refreshed as often as the bell. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => listNotifications({ limit: 200 }),
    refetchInterval: POLL_MS,
  });
}

/** Only the number of unread notifications, for the bell in the header; asked again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.count,
    queryFn: () => listNotifications({ unread: true, limit: 1 }),
    select: (data) => data.unreadCount,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
}
