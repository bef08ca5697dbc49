import type { Config } from "../../config.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import { createDataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createNotifier } from "../notifications/notifications.public.ts";
import { createOutbox } from "../outbox/outbox.public.ts";
import { createPersonsUsecases } from "../persons/persons.public.ts";
import { createOverviewsUsecases } from "./overviews.usecases.ts";

/** The overview jobs: the deadline reminder at 07:00 Europe/Oslo (each sheet once). */
export function overviewJobs({ db, config, clock = systemClock }: { db: Db; config: Config; clock?: Clock }) {
  const crypto = createDataCrypto(config.encryptionKey);
  const outbox = createOutbox({ publicUrl: config.publicUrl, clock });
  const overviews = createOverviewsUsecases({
    db,
    crypto,
    clock,
    notifier: createNotifier({ outbox, clock, batchWindowMs: config.notificationBatchMs }),
    persons: createPersonsUsecases({ db, crypto }),
  });
  const definitions: JobDefinition[] = [
    {
      name: "overviews-deadline-reminders",
      cron: "0 7 * * *",
      tz: "Europe/Oslo",
      run: (now) => overviews.runDeadlineReminders(now),
    },
  ];
  return { definitions, runDeadlineReminders: overviews.runDeadlineReminders };
}
