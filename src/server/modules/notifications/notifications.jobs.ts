import type { Config } from "../../config.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createSmtpMailer } from "../../shared/mail.ts";
import { createOutbox, createOutboxWorker } from "../outbox/outbox.public.ts";
import { createNotificationBatches } from "./notifications.batches.ts";
import { createNotificationDigest } from "./notifications.digest.ts";

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The e-mail jobs: the outbox is sent every minute (and whenever `trigger("outbox-flush")` is
 * called), so are the notification batches whose window has closed; the digest at 07:00 Europe/Oslo.
 * They live in the notifications module, which sits above the outbox and uses its worker.
 */
export function mailJobs({
  db,
  config,
  clock = systemClock,
  log,
}: {
  db: Db;
  config: Config;
  clock?: Clock;
  log?: Log;
}) {
  const mailer = config.mail.smtpUrl
    ? createSmtpMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from })
    : null;
  const outbox = createOutbox({ publicUrl: config.publicUrl, clock });
  const worker = createOutboxWorker({ db, mailer, log });
  const digest = createNotificationDigest({ db, outbox });
  const batches = createNotificationBatches({ db, outbox });
  const definitions: JobDefinition[] = [
    { name: "outbox-flush", cron: "* * * * *", run: (now) => worker.runOnce(now) },
    { name: "notifications-batches", cron: "* * * * *", run: (now) => batches.runOnce(now) },
    { name: "notifications-digest", cron: "0 7 * * *", tz: "Europe/Oslo", run: (now) => digest.runOnce(now) },
  ];
  return { worker, digest, batches, definitions, close: () => mailer?.close() };
}
