import { and, isNotNull, lt } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { osloStartOf } from "../../shared/oslo-day.ts";
import { notifications } from "./notifications.table.ts";

/** What other modules use of notifications: the notifier they are handed, and the retention's clean-up. */
export { createNotifier, type Notifier } from "./notifications.usecases.ts";

/** Deletes read notifications created before the start of `before` (Europe/Oslo); unread ones stay. */
export async function deleteReadNotifications(db: DbOrTx, before: IsoDate): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(and(isNotNull(notifications.readAt), lt(notifications.createdAt, osloStartOf(before))))
    .returning({ id: notifications.id });
  return rows.length;
}
