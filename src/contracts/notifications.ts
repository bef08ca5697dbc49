import { z } from "zod";
import { uuidSchema } from "./common.ts";

/** How a person wants notifications by e-mail: each at once, one digest a day, or none. */
export const emailNotificationsValues = ["immediate", "daily", "off"] as const;
export const emailNotificationsSchema = z.enum(emailNotificationsValues);
export type EmailNotifications = z.infer<typeof emailNotificationsSchema>;

export const notificationSchema = z.object({
  id: uuidSchema,
  trustId: uuidSchema,
  kind: z.string(),
  /** In the recipient's language, as it was when the notification was made. */
  text: z.string(),
  /** An app path, e.g. `/institutions/…`. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  /** All of the caller's unread notifications, not only those in `items`. */
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const readAllSchema = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
