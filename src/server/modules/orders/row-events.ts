import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { RowsChanged } from "../overviews/overviews.public.ts";
import { scheduleRowDeactivations } from "./deactivation-schedule.ts";
import { markLinesChanged } from "./line-changes.ts";

/**
 * Access follows the placement (SPEC §3.2 step 6), told by the overviews' change log in the saving
 * transaction: a change of an ordered row's dates, site or programme makes its lines changed
 * (`line-changes.ts`); a removed row and a withdrawn student put them on the deactivation list
 * (`deactivation-schedule.ts`). An extension (`row_extended`) is FOU's own step and moves nothing here.
 */
export function accessFollowsRows(deps: { clock: Clock; notifier: Notifier }): RowsChanged {
  return async (tx, actor: Actor, q) => {
    const changed = q.entries.filter((e) => e.kind === "cell_changed");
    const gone = q.entries.filter((e) => e.kind === "row_removed" || e.kind === "row_withdrawn");
    if (changed.length > 0) await markLinesChanged(tx, actor, deps, { ...q, entries: changed });
    if (gone.length > 0) await scheduleRowDeactivations(tx, actor, deps, { ...q, entries: gone });
  };
}
