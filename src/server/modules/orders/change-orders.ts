import { todayInOslo } from "../../../domain/dates.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { writeAudits } from "../audit/audit.public.ts";
import { createChangeOrdersRepository } from "./change-orders.repository.ts";

/**
 * When an order of changes is marked ordered (SPEC §3.2 step 6): the changed lines its lines replace
 * are `superseded` (action `supersede`), and the changed lines of its changed rows that nothing
 * replaces (a new programme's profile left their system out) go on the deactivation list with the
 * reason `changed`, from today. Cancelling the order instead leaves them changed. Two statements and
 * their audit rows; returns the rows moved (for their Bestilt cells).
 */
export async function sendChangeOrder(
  tx: DbOrTx,
  actor: Actor,
  q: { orderId: string; institutionId: string; now: Date },
): Promise<string[]> {
  const repo = createChangeOrdersRepository({ db: tx });
  const superseded = await repo.supersede(q.orderId, actor.userId, q.now);
  const leftOut = await repo.deactivateLeftOut(q.orderId, todayInOslo(q.now), q.now);
  await writeAudits(tx, auditContext(actor), [
    ...superseded.map((l) => ({
      entity: "order_line" as const,
      entityId: l.id,
      action: "supersede",
      fields: ["state"],
      institutionId: q.institutionId,
    })),
    ...leftOut.map((l) => ({
      entity: "order_line" as const,
      entityId: l.id,
      action: "schedule_deactivation",
      fields: ["state", "deactivation_reason", "deactivate_from"],
      institutionId: q.institutionId,
    })),
  ]);
  return [...new Set([...superseded, ...leftOut].map((l) => l.rowId))];
}
