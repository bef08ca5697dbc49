import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import type { JobDefinition } from "../../shared/jobs.ts";
import { createEndingPlacements, endingPlacementsJobName } from "./ending-placements.ts";

/** The end of placements, every night at 01:00 Europe/Oslo: ended access on the deactivation list. */
export function endingPlacementJobs({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  const ending = createEndingPlacements({ db, clock });
  const definitions: JobDefinition[] = [
    {
      name: endingPlacementsJobName,
      cron: "0 1 * * *",
      tz: "Europe/Oslo",
      run: (now) => ending.runEndingPlacements(now),
    },
  ];
  return { definitions, runEndingPlacements: ending.runEndingPlacements };
}
