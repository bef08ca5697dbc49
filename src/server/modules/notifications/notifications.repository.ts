import { and, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { notificationBatches, notifications } from "./notifications.table.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type BatchRow = typeof notificationBatches.$inferSelect;

/** A notification whose batch is still open: the digest waits until it closes. */
const inOpenBatch = sql`exists (select 1 from ${notificationBatches} where ${notificationBatches.notificationId} = ${notifications.id} and ${notificationBatches.closedAt} is null)`;

/**
 * The person's newest notifications with the unread count (all, or only the unread): read on
 * every page a signed-in person opens, so built once (`shared/built-once.ts`).
 */
function pageQuery(db: DbOrTx, onlyUnread: boolean) {
  const userId = sql.placeholder("userId");
  return db
    .select({
      row: notifications,
      unread: sql<number>`(select count(*)::int from ${notifications} unread
                            where unread.user_id = ${userId} and unread.read_at is null)`,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), onlyUnread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder("limit"))
    .prepare(onlyUnread ? "notifications_unread_page" : "notifications_page");
}
const page = builtOnce((db) => pageQuery(db, false));
const unreadPage = builtOnce((db) => pageQuery(db, true));

export function createNotificationsRepository({ db }: { db: DbOrTx }) {
  return {
    /** The people to notify, with what the e-mail needs: address, language and preference. */
    async findRecipients(userIds: string[]) {
      if (userIds.length === 0) return [];
      return db
        .select({
          id: users.id,
          email: users.email,
          language: users.language,
          emailNotifications: users.emailNotifications,
          deactivatedAt: users.deactivatedAt,
        })
        .from(users)
        .where(inArray(users.id, userIds));
    },
    async findTrustLanguage(trustId: string) {
      const [row] = await db.select({ language: trusts.defaultLanguage }).from(trusts).where(eq(trusts.id, trustId));
      return row?.language ?? null;
    },
    async insert(values: (typeof notifications.$inferInsert)[]) {
      if (values.length === 0) return [];
      return db.insert(notifications).values(values).returning();
    },
    /**
     * The person's newest notifications (only the unread with `unread`) and how many are unread, in
     * one statement: each row carries the count. No rows means no notification, so none unread.
     */
    async list(userId: string, options: { unread: boolean; limit: number }) {
      const found = await (options.unread ? unreadPage : page)(db).execute({ userId, limit: options.limit });
      return { rows: found.map((f) => f.row), unreadCount: found[0]?.unread ?? 0 };
    },
    /** The caller's own notification; another person's is simply not found. */
    async findOwn(userId: string, id: string) {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
      return row;
    },
    async markRead(userId: string, id: string, at: Date) {
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
    },
    async markAllRead(userId: string, at: Date) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    /** People who chose the daily digest and have unread, not yet e-mailed notifications since `since`. */
    async digestRecipients(since: Date) {
      return db
        .selectDistinct({ userId: notifications.userId })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(
          and(
            eq(users.emailNotifications, "daily"),
            isNull(users.deactivatedAt),
            isNull(notifications.readAt),
            isNull(notifications.emailedAt),
            gt(notifications.createdAt, since),
            sql`not ${inOpenBatch}`,
          ),
        );
    },

    /**
     * Takes one person's notifications for their digest and stamps them e-mailed, in the caller's
     * transaction; rows another run holds are skipped, so no notification goes into two digests.
     */
    async takeForDigest(userId: string, since: Date, at: Date) {
      const due = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            isNull(notifications.emailedAt),
            gt(notifications.createdAt, since),
            sql`not ${inOpenBatch}`,
          ),
        )
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      const rows = await db
        .update(notifications)
        .set({ emailedAt: at })
        .where(
          and(
            inArray(
              notifications.id,
              due.map((d) => d.id),
            ),
            isNull(notifications.emailedAt),
          ),
        )
        .returning();
      return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    },

    /** Rewrites a batch's notification from all its items; unread again, as there is news. */
    async rewrite(id: string, values: { text: string; link: string }) {
      await db
        .update(notifications)
        .set({ ...values, readAt: null })
        .where(eq(notifications.id, id));
    },
    async markEmailed(id: string, at: Date) {
      await db.update(notifications).set({ emailedAt: at }).where(eq(notifications.id, id));
    },

    /**
     * Adds items to the person's open batch of this kind and topic, or opens one (closing at
     * `closesAt`). One statement on the unique index of open batches: a save at the same moment
     * waits for this one and adds to the same batch. Returns the batch with all its items.
     */
    async addToBatch(values: {
      trustId: string;
      userId: string;
      kind: string;
      topic: string;
      context: unknown;
      items: unknown[];
      openedAt: Date;
      closesAt: Date;
    }): Promise<BatchRow> {
      const [row] = await db
        .insert(notificationBatches)
        .values(values)
        .onConflictDoUpdate({
          target: [notificationBatches.userId, notificationBatches.kind, notificationBatches.topic],
          targetWhere: sql`${notificationBatches.closedAt} is null`,
          set: {
            items: sql`${sql.identifier("notification_batches")}.${sql.identifier("items")} || excluded.items`,
            context: sql`excluded.context`,
          },
        })
        .returning();
      return row as BatchRow;
    },
    async attachNotification(batchId: string, notificationId: string) {
      await db.update(notificationBatches).set({ notificationId }).where(eq(notificationBatches.id, batchId));
    },
    /** The person's open batch of this kind and topic whose window has passed, locked; waits for a job holding it. */
    async expiredBatch(userId: string, kind: string, topic: string, now: Date) {
      const [row] = await db
        .select()
        .from(notificationBatches)
        .where(
          and(
            eq(notificationBatches.userId, userId),
            eq(notificationBatches.kind, kind),
            eq(notificationBatches.topic, topic),
            isNull(notificationBatches.closedAt),
            lte(notificationBatches.closesAt, now),
          ),
        )
        .for("update");
      return row;
    },
    /** Open batches whose window has passed, locked; those another run holds are skipped. */
    async dueBatches(now: Date, limit: number) {
      return db
        .select()
        .from(notificationBatches)
        .where(and(isNull(notificationBatches.closedAt), lte(notificationBatches.closesAt, now)))
        .orderBy(notificationBatches.closesAt)
        .limit(limit)
        .for("update", { skipLocked: true });
    },
    /** Closes an open batch and keeps it (for the digest); false when another run closed it first. */
    async closeBatch(id: string, at: Date) {
      const rows = await db
        .update(notificationBatches)
        .set({ closedAt: at })
        .where(and(eq(notificationBatches.id, id), isNull(notificationBatches.closedAt)))
        .returning({ id: notificationBatches.id });
      return rows.length > 0;
    },
    /** Closes an open batch by deleting it (its e-mail, if any, goes in this transaction); false when another run did. */
    async deleteOpenBatch(id: string) {
      const rows = await db
        .delete(notificationBatches)
        .where(and(eq(notificationBatches.id, id), isNull(notificationBatches.closedAt)))
        .returning({ id: notificationBatches.id });
      return rows.length > 0;
    },
    /** The closed batches of notifications the digest takes, deleted; their items list every change. */
    async takeClosedBatches(notificationIds: string[]) {
      if (notificationIds.length === 0) return [];
      return db
        .delete(notificationBatches)
        .where(
          and(
            inArray(notificationBatches.notificationId, notificationIds),
            sql`${notificationBatches.closedAt} is not null`,
          ),
        )
        .returning();
    },
  };
}
