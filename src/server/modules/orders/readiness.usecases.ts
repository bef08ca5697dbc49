import type { z } from "zod";
import type { readinessListSchema, readinessQuery } from "../../../contracts/orders.ts";
import { todayInOslo } from "../../../domain/dates.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import { learningPortalStatesOfRows } from "../learning-portal/learning-portal.public.ts";
import { createReadinessRepository } from "./readiness.repository.ts";
import type { ReadinessFilter, ReadinessScope } from "./readiness-lines.ts";

export type ReadinessQuery = z.output<typeof readinessQuery>;
export type ReadinessList = z.infer<typeof readinessListSchema>;

/** Where a caller reads readiness: the trust for FOU and admins, their institutions for coordinators. */
function scopeOf(actor: Actor): ReadinessScope {
  const trustId = requirePolicy(actor, "readiness.read");
  return { trustId, institutionIds: seesWholeTrust(actor, "readiness.read") ? null : actor.institutionIds };
}

/**
 * The readiness list (`readiness.read`): one line per student on a sheet, each step with its date,
 * scoped like the overviews (coordinators see their institutions' students, without the portal's
 * reference or the IT provider's reason). `daysToStart` counts Oslo calendar days from the clock's
 * today. One statement whatever the size (the page with the counts of the whole filter; a second
 * for the counts only when the page is past the end), and one for the page's Læringsportalen users.
 */
export function createReadinessUsecases({ db, clock, crypto }: { db: Db; clock: Clock; crypto: DataCrypto }) {
  const repo = createReadinessRepository({ db });
  return {
    async list(actor: Actor, q: ReadinessQuery): Promise<ReadinessList> {
      const scope = scopeOf(actor);
      const today = todayInOslo(clock.now());
      const filter: ReadinessFilter = {
        q: q.q || undefined,
        sheetId: q.sheetId,
        overviewId: q.overviewId,
        institutionId: q.institutionId,
        from: q.from,
        to: q.to,
        notReadyDays: q.notReadyDays,
        orderState: q.orderState,
      };
      const page = await repo.page(
        scope,
        today,
        filter,
        { sort: q.sort, dir: q.dir, limit: q.limit, offset: q.offset },
        scope.institutionIds === null,
      );
      const counts = page.items.length > 0 || q.offset === 0 ? page.counts : await repo.counts(scope, today, filter);
      // The Læringsportalen user of each line's student (one statement for the page).
      const portal = await learningPortalStatesOfRows(
        db,
        crypto,
        scope.trustId,
        page.items.map((i) => i.rowId),
      );
      const items = page.items.map((i) => ({ ...i, learningPortal: portal.get(i.rowId) ?? ("not_needed" as const) }));
      return { items, total: page.total, counts };
    },

    /**
     * The start page's readiness numbers, in one statement: students not ready within `days` of
     * their start (the list's `notReadyDays`) and rows whose access was rejected (`orderState`
     * rejected); for FOU and admins also the trust's orders not yet sent (draft).
     */
    async startCounts(actor: Actor, days: number) {
      const scope = scopeOf(actor);
      return repo.startCounts(scope, todayInOslo(clock.now()), days);
    },

    /** The IT provider's open lines per trust it serves (`orderLines.decide`; ADR 0007's scope). */
    async openLinesByTrust(actor: Actor) {
      requirePolicy(actor, "orderLines.decide");
      return repo.openLinesByTrust(actor.userId);
    },
  };
}
export type ReadinessUsecases = ReturnType<typeof createReadinessUsecases>;
