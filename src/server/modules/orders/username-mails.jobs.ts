import type { Config } from "../../config.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createOutbox } from "../outbox/outbox.public.ts";
import { createUsernameMails, usernameMailsJobName } from "./username-mails.ts";

/** The username e-mails held until their day: queued every morning at 06:00 Europe/Oslo. */
export function usernameMailJobs({ db, config, clock = systemClock }: { db: Db; config: Config; clock?: Clock }) {
  const mails = createUsernameMails({ db, clock, outbox: createOutbox({ publicUrl: config.publicUrl, clock }) });
  const definitions: JobDefinition[] = [
    { name: usernameMailsJobName, cron: "0 6 * * *", tz: "Europe/Oslo", run: (now) => mails.runUsernameMails(now) },
  ];
  return { definitions, runUsernameMails: mails.runUsernameMails };
}
