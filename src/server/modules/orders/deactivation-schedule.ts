import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ChangeEntry } from "../overviews/overviews.public.ts";

/** Puts the lines of removed rows and withdrawn students on the deactivation list (helper B builds this). */
export async function scheduleRowDeactivations(
  _tx: DbOrTx,
  _actor: Actor,
  _deps: { clock: Clock; notifier: Notifier },
  _q: { trustId: string; institutionId: string; overviewId: string; entries: ChangeEntry[] },
): Promise<void> {}
