import { and, eq } from "drizzle-orm";
import type { PersonLinks } from "../persons/persons.public.ts";
import { orderLines } from "./orders.table.ts";

/** What the composition root may use of the orders module: its use-cases and routes, and how a person merge moves order lines. */
export { createDeactivationsUsecases } from "./deactivations.usecases.ts";
export { createEndingPlacements } from "./ending-placements.ts";
export type { ExtensionsUsecases } from "./extensions.usecases.ts";
export { createOrdersModule } from "./orders.plugin.ts";
export { createOrdersUsecases, type OrdersUsecases } from "./orders.usecases.ts";
export { accessFollowsRows } from "./row-events.ts";

/**
 * The persons module's links with order lines too: merging two persons moves the rows (the links
 * given) and then every order line of the one merged away, so the lines keep a person.
 */
export function withOrderLines(links: PersonLinks): PersonLinks {
  return {
    ...links,
    async moveRows(tx, q) {
      const moved = await links.moveRows(tx, q);
      await tx
        .update(orderLines)
        .set({ personId: q.toPersonId, updatedAt: new Date() })
        .where(and(eq(orderLines.trustId, q.trustId), eq(orderLines.personId, q.fromPersonId)));
      return moved;
    },
  };
}

/** What other modules may use of the orders module: the readiness use-cases' type (the start page counts with them). */
export type { ReadinessUsecases } from "./readiness.usecases.ts";
