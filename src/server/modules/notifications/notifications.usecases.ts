import type { Notification, NotificationList } from "../../../contracts/notifications.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.public.ts";
import { closeBatch } from "./notifications.batches.ts";
import { notificationNotFound } from "./notifications.errors.ts";
import { createNotificationsRepository, type NotificationRow } from "./notifications.repository.ts";
import {
  type BatchContext,
  type BatchItem,
  type BatchKind,
  type NotificationTextKey,
  type NotificationTextParams,
  renderBatch,
  renderNotificationText,
} from "./notifications.texts.ts";

type Message = { [K in NotificationTextKey]: { key: K; params: NotificationTextParams<K> } }[NotificationTextKey];

export type NotifyInput = {
  trustId: string;
  /** Recipients; duplicates are dropped, deactivated people are skipped. */
  userIds: string[];
  /** What happened, as a stable dotted name, e.g. `account_request.received`. */
  kind: string;
  /** The app path the notification opens, e.g. `/admin/account-requests/…`. */
  link?: string | null;
} & ({ texts: Record<Language, string>; message?: never } | { message: Message; texts?: never });

export type GatherInput = {
  [K in BatchKind]: {
    trustId: string;
    /** Recipients; duplicates are dropped, deactivated people are skipped. */
    userIds: string[];
    kind: K;
    /** What the batch is about, e.g. the overview's id: one batch per person, kind and topic. */
    topic: string;
    context: BatchContext<K>;
    items: BatchItem<K>[];
  };
}[BatchKind];

/** A batch's window when the configuration does not say (SPEC §4: 10 minutes). */
export const defaultBatchWindowMs = 10 * 60_000;

function checkLink(link: string | null | undefined): string | null {
  if (link == null) return null;
  if (!link.startsWith("/") || link.startsWith("//")) throw new Error(`A notification link is an app path: ${link}`);
  return link;
}

/**
 * `notify(tx, …)`: the one way features tell people something. In the caller's transaction it
 * stores a notification per recipient, in their language, and per their preference either puts an
 * e-mail into the outbox at once ('immediate'), leaves it for the 07:00 digest ('daily'), or
 * neither ('off'). `gather(tx, …)` does the same for news that comes in bursts (an overview's
 * changes): per recipient one notification and one e-mail for everything within `batchWindowMs`
 * of the first item.
 */
export function createNotifier({
  outbox,
  clock,
  batchWindowMs = defaultBatchWindowMs,
}: {
  outbox: Outbox;
  clock: Clock;
  /** How long a batch stays open after its first item (`NOTIFICATION_BATCH_MINUTES`). */
  batchWindowMs?: number;
}) {
  return {
    async notify(tx: DbOrTx, input: NotifyInput): Promise<{ ids: string[] }> {
      const link = checkLink(input.link);
      const repo = createNotificationsRepository({ db: tx });
      const recipients = (await repo.findRecipients([...new Set(input.userIds)])).filter((r) => !r.deactivatedAt);
      if (recipients.length === 0) return { ids: [] };
      const trustLanguage = await repo.findTrustLanguage(input.trustId);
      const now = clock.now();
      const prepared = recipients.map((r) => {
        const language = recipientLanguage(r.language, trustLanguage);
        const text = input.texts
          ? input.texts[language]
          : renderNotificationText(input.message.key, language, input.message.params as never);
        return { recipient: r, language, text, immediate: r.emailNotifications === "immediate" };
      });
      const rows = await repo.insert(
        prepared.map((p) => ({
          trustId: input.trustId,
          userId: p.recipient.id,
          kind: input.kind,
          text: p.text,
          link,
          createdAt: now,
          emailedAt: p.immediate ? now : null,
        })),
      );
      for (const p of prepared) {
        if (!p.immediate) continue;
        await outbox.enqueueEmail(tx, {
          trustId: input.trustId,
          to: p.recipient.email,
          userId: p.recipient.id,
          language: p.language,
          template: "notification",
          params: { text: p.text, link },
        });
      }
      return { ids: rows.map((r) => r.id) };
    },

    /**
     * Adds items to each recipient's open batch of this kind and topic, or opens one whose window
     * closes `batchWindowMs` from now (a batch whose window has passed is closed first, as the
     * job would). The batch's notification appears at once and is rewritten from all its items,
     * unread again; the e-mail waits for the window to close (`createNotificationBatches`).
     */
    async gather(tx: DbOrTx, input: GatherInput): Promise<{ ids: string[] }> {
      const repo = createNotificationsRepository({ db: tx });
      // In one order, so saves at the same moment lock the recipients' batches in turn, never crosswise.
      const recipients = (await repo.findRecipients([...new Set(input.userIds)]))
        .filter((r) => !r.deactivatedAt)
        .sort((a, b) => a.id.localeCompare(b.id));
      if (recipients.length === 0) return { ids: [] };
      const trustLanguage = await repo.findTrustLanguage(input.trustId);
      const now = clock.now();
      const ids: string[] = [];
      for (const r of recipients) {
        const expired = await repo.expiredBatch(r.id, input.kind, input.topic, now);
        if (expired) await closeBatch(tx, outbox, expired, now);
        const batch = await repo.addToBatch({
          trustId: input.trustId,
          userId: r.id,
          kind: input.kind,
          topic: input.topic,
          context: input.context,
          items: input.items,
          openedAt: now,
          closesAt: new Date(now.getTime() + batchWindowMs),
        });
        const shown = renderBatch(
          batch.kind,
          recipientLanguage(r.language, trustLanguage),
          batch.context,
          batch.items as unknown[],
        );
        if (batch.notificationId) {
          await repo.rewrite(batch.notificationId, { text: shown.text, link: shown.link });
          ids.push(batch.notificationId);
          continue;
        }
        const [created] = await repo.insert([
          {
            trustId: input.trustId,
            userId: r.id,
            kind: input.kind,
            text: shown.text,
            link: shown.link,
            createdAt: now,
          },
        ]);
        if (!created) throw new Error("The batch's notification was not stored");
        await repo.attachNotification(batch.id, created.id);
        ids.push(created.id);
      }
      return { ids };
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    trustId: row.trustId,
    kind: row.kind,
    text: row.text,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

/** The caller's own notifications, whatever trust they came from. */
export function createNotificationsUsecases({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(actor: Actor, query: { unread: boolean; limit: number }): Promise<NotificationList> {
      const repo = createNotificationsRepository({ db });
      const { rows, unreadCount } = await repo.list(actor.userId, query);
      return { items: rows.map(toNotification), unreadCount };
    },

    async read(actor: Actor, id: string): Promise<Notification> {
      return db.transaction(async (tx) => {
        const repo = createNotificationsRepository({ db: tx });
        const before = await repo.findOwn(actor.userId, id);
        if (!before) throw notificationNotFound();
        if (before.readAt) return toNotification(before);
        const readAt = clock.now();
        await repo.markRead(actor.userId, id, readAt);
        await writeAudit(tx, auditContext(actor), {
          entity: "notification",
          entityId: id,
          action: "read",
          fields: ["read_at"],
          trustId: before.trustId,
        });
        return toNotification({ ...before, readAt });
      });
    },

    async readAll(actor: Actor): Promise<{ updated: number; unreadCount: number }> {
      return db.transaction(async (tx) => {
        const updated = await createNotificationsRepository({ db: tx }).markAllRead(actor.userId, clock.now());
        if (updated > 0) {
          await writeAudit(tx, auditContext(actor), {
            entity: "user",
            entityId: actor.userId,
            action: "read_notifications",
            fields: ["read_at"],
          });
        }
        return { updated, unreadCount: 0 };
      });
    },
  };
}
export type NotificationsUsecases = ReturnType<typeof createNotificationsUsecases>;
