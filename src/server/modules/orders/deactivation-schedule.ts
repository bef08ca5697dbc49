import { todayInOslo } from "../../../domain/dates.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ChangeEntry } from "../overviews/overviews.public.ts";
import { createDeactivationsRepository, type MovedLine } from "./deactivations.repository.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

/** The audit rows of lines put on the deactivation list, and of draft lines cancelled. */
export const scheduledAudits = (scheduled: MovedLine[], cancelled: MovedLine[] = []): AuditEntry[] => [
  ...scheduled.map(
    (l): AuditEntry => ({
      entity: "order_line",
      entityId: l.id,
      action: "schedule_deactivation",
      fields: ["state", "deactivation_reason", "deactivate_from"],
      trustId: l.trustId,
      institutionId: l.institutionId,
    }),
  ),
  ...cancelled.map(
    (l): AuditEntry => ({
      entity: "order_line",
      entityId: l.id,
      action: "cancel",
      fields: ["state"],
      trustId: l.trustId,
      institutionId: l.institutionId,
    }),
  ),
];

/**
 * Puts the lines of removed rows and withdrawn students on the deactivation list (SPEC §3.2 step 6),
 * in the saving transaction: their granted and changed lines go `to_deactivate` (reason `removed`
 * from today in Oslo, or `withdrawn` from the withdrawal's date with its reason as the note), their
 * draft lines are cancelled (never sent, nothing to end). A constant number of statements however
 * many rows an import removes; each line audited; the withdrawn rows' Bestilt cells follow.
 */
export async function scheduleRowDeactivations(
  tx: DbOrTx,
  actor: Actor,
  deps: { clock: Clock; notifier: Notifier },
  q: { trustId: string; institutionId: string; overviewId: string; entries: ChangeEntry[] },
): Promise<void> {
  const at = deps.clock.now();
  const today = todayInOslo(at);
  const removed = [...new Set(q.entries.flatMap((e) => (e.kind === "row_removed" && e.rowId ? [e.rowId] : [])))];
  const withdrawnIds = [...new Set(q.entries.flatMap((e) => (e.kind === "row_withdrawn" && e.rowId ? [e.rowId] : [])))];
  const repo = createDeactivationsRepository({ db: tx });
  const withdrawn = await repo.withdrawals(withdrawnIds);
  const rows = [
    ...removed.map((rowId) => ({ rowId, reason: "removed", from: today, note: null })),
    ...withdrawn.map((w) => ({ rowId: w.rowId, reason: "withdrawn", from: w.on ?? today, note: w.reason })),
  ];
  if (rows.length === 0) return;
  const scheduled = await repo.scheduleRows(q.trustId, rows, at);
  const cancelled = await repo.cancelDrafts(
    q.trustId,
    rows.map((r) => r.rowId),
    actor.userId || null,
    at,
  );
  await writeAudits(tx, auditContext(actor), scheduledAudits(scheduled, cancelled));
  await syncRowOrderStates(
    tx,
    withdrawn.map((w) => w.rowId),
  );
}
