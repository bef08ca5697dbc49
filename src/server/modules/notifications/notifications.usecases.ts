import type { Language } from "../../../contracts/common.ts";
import type { Notification, NotificationList } from "../../../contracts/notifications.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.usecases.ts";
import { notificationNotFound } from "./notifications.errors.ts";
import { createNotificationsRepository, type NotificationRow } from "./notifications.repository.ts";
import {
  type NotificationTextKey,
  type NotificationTextParams,
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

/** The time window of the daily digest: the last day, with an hour's margin for a late run. */
export const digestWindowMs = 25 * 3_600_000;

function checkLink(link: string | null | undefined): string | null {
  if (link == null) return null;
  if (!link.startsWith("/") || link.startsWith("//")) throw new Error(`A notification link is an app path: ${link}`);
  return link;
}

/**
 * `notify(tx, …)`: the one way features tell people something. In the caller's transaction it
 * stores a notification per recipient, in their language, and per their preference either puts an
 * e-mail into the outbox at once ('immediate'), leaves it for the 07:00 digest ('daily'), or
 * neither ('off').
 */
export function createNotifier({ outbox, clock }: { outbox: Outbox; clock: Clock }) {
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
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

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
          const sent = await outbox.enqueueEmailToUser(tx, {
            trustId: newest.trustId,
            userId,
            template: "notification-digest",
            params: { items: items.map((i) => ({ text: i.text, link: i.link })) },
          });
          if (sent) emails++;
        });
      }
      return { emails };
    },
  };
}
export type NotificationDigest = ReturnType<typeof createNotificationDigest>;

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
      const rows = await repo.list(actor.userId, query);
      return { items: rows.map(toNotification), unreadCount: await repo.countUnread(actor.userId) };
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
