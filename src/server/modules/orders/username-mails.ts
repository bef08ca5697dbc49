import { todayInOslo } from "../../../domain/dates.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.public.ts";
import { createUsernameMailsRepository } from "./username-mails.repository.ts";
import { usernameMailTemplate } from "./username-mails.templates.ts";

/** The job's queue name. */
export const usernameMailsJobName = "orders-username-mails";

/** How many e-mails one transaction queues. */
const batchSize = 500;

/**
 * Queues the username e-mails whose day has come (`due_on` ≤ today in Oslo), each once: a mail and
 * its `queued_at` are written in one transaction, and rows another run holds are skipped. A person
 * whose address is no longer confirmed stays held (nothing goes to an address that is not theirs).
 */
export function createUsernameMails({ db, clock, outbox }: { db: Db; clock: Clock; outbox: Outbox }) {
  return {
    async runUsernameMails(now: Date = clock.now()): Promise<{ queued: number }> {
      const today = todayInOslo(now);
      let queued = 0;
      for (;;) {
        const done = await db.transaction(async (tx) => {
          const repo = createUsernameMailsRepository({ db: tx });
          const due = await repo.due(today, batchSize);
          for (const m of due) {
            const language = recipientLanguage(
              m.language === "nb" || m.language === "nn" || m.language === "en" ? m.language : null,
              m.trustLanguage,
            );
            await outbox.enqueueWrittenEmail(tx, {
              trustId: m.trustId,
              to: m.email as string,
              language,
              template: "username",
              ...usernameMailTemplate[language]({
                firstName: m.firstName,
                trustName: m.trustName,
                username: m.username as string,
                startsOn: m.startsOn as string,
              }),
            });
          }
          await repo.markQueued(
            due.map((m) => m.id),
            now,
          );
          queued += due.length;
          return due.length < batchSize;
        });
        if (done) return { queued };
      }
    },
  };
}
