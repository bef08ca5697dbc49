import { and, desc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { outboxMessages } from "./outbox.table.ts";

export type OutboxRow = typeof outboxMessages.$inferSelect;

export function createOutboxRepository({ db }: { db: DbOrTx }) {
  return {
    async insert(values: typeof outboxMessages.$inferInsert) {
      const [row] = await db.insert(outboxMessages).values(values).returning({ id: outboxMessages.id });
      return row as { id: string };
    },

    /** The person an e-mail goes to, with the trust's default language. */
    async findRecipient(userId: string, trustId: string | null) {
      const [row] = await db
        .select({
          id: users.id,
          email: users.email,
          language: users.language,
          deactivatedAt: users.deactivatedAt,
          emailNotifications: users.emailNotifications,
        })
        .from(users)
        .where(eq(users.id, userId));
      if (!row) return undefined;
      const trust = trustId ? await this.findTrustLanguage(trustId) : null;
      return { ...row, trustLanguage: trust };
    },

    async findTrustLanguage(trustId: string) {
      const [row] = await db.select({ language: trusts.defaultLanguage }).from(trusts).where(eq(trusts.id, trustId));
      return row?.language ?? null;
    },

    /** Messages of one trust, or of all trusts when `trustId` is null; newest first. */
    async list(trustId: string | null, limit: number) {
      return db
        .select()
        .from(outboxMessages)
        .where(trustId ? eq(outboxMessages.trustId, trustId) : undefined)
        .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
        .limit(limit);
    },

    /**
     * Gives messages whose claim ran out (a worker stopped between claiming and marking) back to
     * the queue, or fails them after the last attempt. This is the one way a message can be sent
     * twice: when the worker died after the SMTP server took the message but before it was marked.
     */
    async releaseExpired(now: Date, maxAttempts: number) {
      const rows = await db
        .update(outboxMessages)
        .set({
          status: sql`case when ${outboxMessages.attempts} >= ${maxAttempts} then 'failed'::outbox_status else 'queued'::outbox_status end`,
          nextAttemptAt: now,
          lockedUntil: null,
          lastError: "LEASE_EXPIRED",
        })
        .where(and(eq(outboxMessages.status, "sending"), lt(outboxMessages.lockedUntil, now)))
        .returning({ id: outboxMessages.id });
      return rows.length;
    },

    /**
     * Claims up to `limit` due messages for one worker: queued → sending, in one short transaction.
     * Rows another worker is claiming at the same moment are skipped (`FOR UPDATE SKIP LOCKED`), so
     * no message is handed to two workers. (Two statements on purpose: a locking subquery with
     * LIMIT inside `UPDATE … WHERE id IN (…)` may be re-run per row and claim more than `limit`.)
     */
    async claimDue(now: Date, lockedUntil: Date, limit: number): Promise<OutboxRow[]> {
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: outboxMessages.id })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.status, "queued"), lte(outboxMessages.nextAttemptAt, now)))
          .orderBy(outboxMessages.nextAttemptAt, outboxMessages.createdAt)
          .limit(limit)
          .for("update", { skipLocked: true });
        if (due.length === 0) return [];
        return tx
          .update(outboxMessages)
          .set({ status: "sending", attempts: sql`${outboxMessages.attempts} + 1`, lockedUntil })
          .where(
            and(
              inArray(
                outboxMessages.id,
                due.map((d) => d.id),
              ),
              eq(outboxMessages.status, "queued"),
            ),
          )
          .returning();
      });
    },

    /** Ends a claim; only the worker holding it (status still `sending`) can. */
    async finish(id: string, values: Partial<typeof outboxMessages.$inferInsert>) {
      const rows = await db
        .update(outboxMessages)
        .set({ ...values, lockedUntil: null })
        .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "sending")))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
