import type { Db, DbOrTx } from "../../shared/database.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.public.ts";
import { type BatchRow, createNotificationsRepository } from "./notifications.repository.ts";
import { renderBatch } from "./notifications.texts.ts";

/**
 * Closes an open batch in the caller's transaction, exactly once (the conditional delete or update
 * is the claim): an 'immediate' person gets one e-mail listing every item, a 'daily' person's batch
 * waits, closed, for the digest, 'off' (or a deactivated person) gets none.
 */
export async function closeBatch(
  tx: DbOrTx,
  outbox: Outbox,
  batch: BatchRow,
  now: Date,
): Promise<{ emailed: boolean }> {
  const repo = createNotificationsRepository({ db: tx });
  const [recipient] = await repo.findRecipients([batch.userId]);
  if (recipient && !recipient.deactivatedAt && recipient.emailNotifications === "daily") {
    await repo.closeBatch(batch.id, now);
    return { emailed: false };
  }
  if (!(await repo.deleteOpenBatch(batch.id))) return { emailed: false };
  if (!recipient || recipient.deactivatedAt || recipient.emailNotifications !== "immediate" || !batch.notificationId) {
    return { emailed: false };
  }
  const language = recipientLanguage(recipient.language, await repo.findTrustLanguage(batch.trustId));
  const shown = renderBatch(batch.kind, language, batch.context, batch.items as unknown[]);
  await outbox.enqueueEmail(tx, {
    trustId: batch.trustId,
    to: recipient.email,
    userId: recipient.id,
    language,
    template: "notification-batch",
    params: {
      title: shown.title,
      lines: shown.lines,
      link: shown.link,
      windowMinutes: Math.round((batch.closesAt.getTime() - batch.openedAt.getTime()) / 60_000),
    },
  });
  await repo.markEmailed(batch.notificationId, now);
  return { emailed: true };
}

/**
 * Sends the batches whose window has closed (every minute): each is claimed once across runs and
 * instances (`FOR UPDATE SKIP LOCKED`, then the conditional delete or update in `closeBatch`), and
 * its e-mail commits with the claim.
 */
export function createNotificationBatches({ db, outbox }: { db: Db; outbox: Outbox }) {
  const perTransaction = 50;
  return {
    async runOnce(now: Date = new Date()): Promise<{ closed: number; emails: number }> {
      let closed = 0;
      let emails = 0;
      for (;;) {
        const done = await db.transaction(async (tx) => {
          const due = await createNotificationsRepository({ db: tx }).dueBatches(now, perTransaction);
          let sent = 0;
          for (const batch of due) if ((await closeBatch(tx, outbox, batch, now)).emailed) sent++;
          return { count: due.length, sent };
        });
        closed += done.count;
        emails += done.sent;
        if (done.count < perTransaction) return { closed, emails };
      }
    },
  };
}
export type NotificationBatches = ReturnType<typeof createNotificationBatches>;
