import type { Db } from "../../shared/database.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.public.ts";
import { createNotificationsRepository } from "./notifications.repository.ts";
import { renderBatch } from "./notifications.texts.ts";

/** The time window of the daily digest: the last day, with an hour's margin for a late run. */
export const digestWindowMs = 25 * 3_600_000;

/**
 * The daily digest (07:00 Europe/Oslo): one e-mail per person who chose it, with their unread
 * notifications of the last day that have not been e-mailed. Each person's e-mail and the stamp
 * on their notifications commit together, so a second run (or a second instance) sends nothing new.
 */
export function createNotificationDigest({ db, outbox }: { db: Db; outbox: Outbox }) {
  return {
    async runOnce(now: Date = new Date()): Promise<{ emails: number }> {
      const since = new Date(now.getTime() - digestWindowMs);
      let emails = 0;
      for (const { userId } of await createNotificationsRepository({ db }).digestRecipients(since)) {
        await db.transaction(async (tx) => {
          const repo = createNotificationsRepository({ db: tx });
          const items = await repo.takeForDigest(userId, since, now);
          const newest = items.at(-1);
          if (!newest) return;
          // A batch is listed by its title and every item, in the person's language.
          const batches = new Map(
            (await repo.takeClosedBatches(items.map((i) => i.id))).map((b) => [b.notificationId, b]),
          );
          const [recipient] = await repo.findRecipients([userId]);
          const language = recipientLanguage(recipient?.language, await repo.findTrustLanguage(newest.trustId));
          const sent = await outbox.enqueueEmailToUser(tx, {
            trustId: newest.trustId,
            userId,
            template: "notification-digest",
            params: {
              items: items.map((i) => {
                const batch = batches.get(i.id);
                if (!batch) return { text: i.text, link: i.link };
                const shown = renderBatch(batch.kind, language, batch.context, batch.items as unknown[]);
                return { text: shown.title, link: shown.link, lines: shown.lines };
              }),
            },
          });
          if (sent) emails++;
        });
      }
      return { emails };
    },
  };
}
export type NotificationDigest = ReturnType<typeof createNotificationDigest>;
