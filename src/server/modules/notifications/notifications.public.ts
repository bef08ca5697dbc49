import { and, isNotNull, lt } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { osloStartOf } from "../../shared/oslo-day.ts";
import { notifications } from "./notifications.table.ts";

/**
 * What other modules may use of the notifications module: telling people something (`Notifier`, in
 * the caller's transaction), the module's use-cases, the e-mail jobs (batches, digest, outbox), and
 * the retention's clean-up.
 */
export { createNotificationBatches, type NotificationBatches } from "./notifications.batches.ts";
export { createNotificationDigest, type NotificationDigest } from "./notifications.digest.ts";
export { mailJobs } from "./notifications.jobs.ts";
export {
  createNotificationsUsecases,
  createNotifier,
  type GatherInput,
  type NotificationsUsecases,
  type Notifier,
  type NotifyInput,
} from "./notifications.usecases.ts";

/** The retention's clean-up. */
/** Deletes read notifications created before the start of `before` (Europe/Oslo); unread ones stay. */
export async function deleteReadNotifications(db: DbOrTx, before: IsoDate): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(and(isNotNull(notifications.readAt), lt(notifications.createdAt, osloStartOf(before))))
    .returning({ id: notifications.id });
  return rows.length;
}
