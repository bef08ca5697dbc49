import type { Config } from "../../config.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import { createDataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createOutbox } from "../outbox/outbox.public.ts";
import { createRegistrationReminders, remindersJobName } from "./registration-reminders.ts";

/** The registration jobs: the reminders before a campaign's deadline, at 08:00 Europe/Oslo. */
export function registrationJobs({ db, config, clock = systemClock }: { db: Db; config: Config; clock?: Clock }) {
  const reminders = createRegistrationReminders({
    db,
    clock,
    crypto: createDataCrypto(config.encryptionKey),
    outbox: createOutbox({ publicUrl: config.publicUrl, clock }),
  });
  const definitions: JobDefinition[] = [
    { name: remindersJobName, cron: "0 8 * * *", tz: "Europe/Oslo", run: (now) => reminders.runReminders(now) },
  ];
  return { definitions, runReminders: reminders.runReminders };
}
