import type { Config } from "../../config.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createNotifier } from "../notifications/notifications.public.ts";
import { createOutbox } from "../outbox/outbox.public.ts";
import { createExpiryReminders, expiryRemindersJobName } from "./expiry-reminders.ts";

/** The reminders that placements' access ends in 14 days or 1 day: every morning at 07:00 Europe/Oslo. */
export function expiryReminderJobs({ db, config, clock = systemClock }: { db: Db; config: Config; clock?: Clock }) {
  const outbox = createOutbox({ publicUrl: config.publicUrl, clock });
  const reminders = createExpiryReminders({
    db,
    clock,
    notifier: createNotifier({ outbox, clock, batchWindowMs: config.notificationBatchMs }),
  });
  const definitions: JobDefinition[] = [
    {
      name: expiryRemindersJobName,
      cron: "0 7 * * *",
      tz: "Europe/Oslo",
      run: (now) => reminders.runExpiryReminders(now),
    },
  ];
  return { definitions, runExpiryReminders: reminders.runExpiryReminders };
}
