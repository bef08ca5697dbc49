import { and, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { notifications } from "./notifications.table.ts";

export type NotificationRow = typeof notifications.$inferSelect;

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
    async list(userId: string, options: { unread: boolean; limit: number }) {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), options.unread ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(options.limit);
    },
    async countUnread(userId: string) {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
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
  };
}
