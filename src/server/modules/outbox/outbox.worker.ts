import type { Db } from "../../shared/database.ts";
import { describeMailError, type Mailer } from "../../shared/mail.ts";
import { createOutboxRepository } from "./outbox.repository.ts";

/** Waits after failed attempts 1, 2, 3 …; after the last one the message is failed. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
export const maxAttempts = retryDelaysMs.length + 1;

/** How long one claimed message may take before another worker may take it again. */
const leaseMs = 10 * 60_000;
/** At most this many messages per run; the next run takes the rest. */
const maxPerRun = 200;

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RunResult {
  sent: number;
  kept: number;
  retried: number;
  failed: number;
}

/**
 * Sends the outbox. Each message is claimed on its own (queued → sending, one conditional UPDATE
 * that skips rows another worker holds), sent, and marked sent; so several workers and instances
 * can run at once and each message goes out once. The one duplicate window: a worker that dies
 * after the SMTP server accepted a message but before marking it sent; when its claim runs out the
 * message is sent again (with the same Message-ID, so the receiving side can drop it).
 * Without a mailer (no SMTP_URL) messages are marked kept: they stay readable in the dev mailbox.
 */
export function createOutboxWorker({ db, mailer, log }: { db: Db; mailer: Mailer | null; log?: Log }) {
  const repo = createOutboxRepository({ db });

  return {
    async runOnce(now: Date = new Date()): Promise<RunResult> {
      const result: RunResult = { sent: 0, kept: 0, retried: 0, failed: 0 };
      await repo.releaseExpired(now, maxAttempts);
      for (let n = 0; n < maxPerRun; n++) {
        const [message] = await repo.claimDue(now, new Date(now.getTime() + leaseMs), 1);
        if (!message) break;
        if (!mailer) {
          if (await repo.finish(message.id, { status: "kept" })) result.kept++;
          continue;
        }
        try {
          await mailer.send({
            messageId: `<${message.id}@praksistilgang>`,
            to: message.recipientAddress,
            subject: message.subject,
            text: message.textBody,
            html: message.htmlBody,
          });
        } catch (error) {
          const lastError = describeMailError(error);
          const delay = retryDelaysMs[message.attempts - 1];
          if (delay === undefined) {
            await repo.finish(message.id, { status: "failed", lastError });
            result.failed++;
            log?.warn({ outboxMessageId: message.id, attempts: message.attempts, lastError }, "e-mail failed for good");
          } else {
            await repo.finish(message.id, {
              status: "queued",
              lastError,
              nextAttemptAt: new Date(now.getTime() + delay),
            });
            result.retried++;
            log?.info({ outboxMessageId: message.id, attempts: message.attempts, lastError }, "e-mail will be retried");
          }
          continue;
        }
        await repo.finish(message.id, { status: "sent", sentAt: new Date(), lastError: null });
        result.sent++;
      }
      return result;
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
