import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ChangeEntry } from "../overviews/overviews.public.ts";

/** Marks the granted lines of rows whose dates, site or programme changed `changed` (helper A builds this). */
export async function markLinesChanged(
  _tx: DbOrTx,
  _actor: Actor,
  _deps: { clock: Clock; notifier: Notifier },
  _q: { trustId: string; institutionId: string; overviewId: string; entries: ChangeEntry[] },
): Promise<void> {}
