import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createRetentionUsecases, retentionJobName } from "./retention.usecases.ts";

/** The retention job at 03:00 Europe/Oslo: personal data past the trusts' retention time (SPEC §4). */
export function retentionJobs({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  const retention = createRetentionUsecases({ db, clock });
  const definitions: JobDefinition[] = [
    { name: retentionJobName, cron: "0 3 * * *", tz: "Europe/Oslo", run: (now) => retention.runRetention(now) },
  ];
  return { definitions, runRetention: retention.runRetention };
}
