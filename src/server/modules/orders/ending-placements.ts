import { todayInOslo } from "../../../domain/dates.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { type AuditContext, type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { scheduledAudits } from "./deactivation-schedule.ts";
import { createDeactivationsRepository } from "./deactivations.repository.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

export const endingPlacementsJobName = "orders-ending-placements";

/**
 * The end of placements (SPEC §3.2 step 6), every night: a granted line whose placement ended
 * before today in Europe/Oslo (`hasEnded`: from the day after its end date) is superseded when a
 * later placement of the same person carries the system on (`continues`; the later line names it
 * in `replaces_line_id`), else put on the deactivation list (reason `ended`, from the day after the
 * end). One transaction of five statements whatever the number of lines; a line leaves the granted
 * states as it is moved, so a second run moves nothing (nothing is scheduled twice).
 */
export function createEndingPlacements({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async runEndingPlacements(now: Date = clock.now()): Promise<{ continued: number; scheduled: number }> {
      const today = todayInOslo(now);
      return db.transaction(async (tx) => {
        const repo = createDeactivationsRepository({ db: tx });
        const continued = await repo.continueEnded(today, now);
        await repo.noteCarried(continued);
        const scheduled = await repo.scheduleEnded(today, now);
        const ctx: AuditContext = { actorId: null, trustId: null, requestId: endingPlacementsJobName };
        await writeAudits(tx, ctx, [
          ...continued.map(
            (l): AuditEntry => ({
              entity: "order_line",
              entityId: l.id,
              action: "update",
              fields: ["state"],
              trustId: l.trustId,
              institutionId: l.institutionId,
            }),
          ),
          ...scheduledAudits(scheduled),
        ]);
        await syncRowOrderStates(tx, [...new Set([...continued, ...scheduled].map((l) => l.rowId))]);
        return { continued: continued.length, scheduled: scheduled.length };
      });
    },
  };
}
