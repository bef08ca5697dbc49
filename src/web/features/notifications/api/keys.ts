/** Query keys of the caller's notifications: the count in the header and the list on /varsler. */
export const notificationKeys = {
  all: ["notifications"] as const,
  count: ["notifications", "count"] as const,
  list: ["notifications", "list"] as const,
};

/** How often the header asks for the number of unread notifications (no websockets). */
export const POLL_MS = 60_000;
