import type { Language } from "../../../contracts/vocabulary.ts";
import {
  type AccessField,
  changesProfile,
  type LineChange,
  mergeLineChanges,
  stateBeforeChange,
} from "../../../domain/line-changes.ts";
import { accessFields, grantedStates } from "../../../domain/order-lines.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { writeAudits } from "../audit/audit.public.ts";
import { fouContactsOf } from "../institutions/institutions.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ChangeEntry } from "../overviews/overviews.public.ts";
import { createLineChangesRepository } from "./line-changes.repository.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

/** What FOU is told when ordered rows of a sheet change (no names, no national IDs). */
const changedTexts = (p: { count: number; sheet: string }): Record<Language, string> => ({
  nb: `Endret etter bestilling: ${p.count} ${p.count === 1 ? "student" : "studenter"} i ${p.sheet} må bestilles på nytt`,
  nn: `Endra etter bestilling: ${p.count} ${p.count === 1 ? "student" : "studentar"} i ${p.sheet} må bestillast på nytt`,
  en: `Changed after order: ${p.count} ${p.count === 1 ? "student" : "students"} in ${p.sheet} must be ordered again`,
});

const isAccessField = (f: string | null): f is (typeof accessFields)[number] =>
  f !== null && (accessFields as readonly string[]).includes(f);
const granted = grantedStates as readonly string[];

/**
 * Access follows the placement (SPEC §3.2 step 6): when an ordered row's dates, site or programme
 * change, its granted lines become `changed` with from → to (per field the first `from`, the latest
 * `to`; a second change before the change is ordered updates the same line, and a change undone
 * puts the line back), the Bestilt cell says so, and FOU's contacts are told once per sheet. Draft
 * lines take the new dates in place; a programme change cancels them (FOU orders the row anew).
 * A constant number of statements for any number of rows.
 */
export async function markLinesChanged(
  tx: DbOrTx,
  actor: Actor,
  deps: { clock: Clock; notifier: Notifier },
  q: { trustId: string; institutionId: string; overviewId: string; entries: ChangeEntry[] },
): Promise<void> {
  const byRow = new Map<string, ChangeEntry[]>();
  for (const e of q.entries) {
    if (e.kind !== "cell_changed" || !e.rowId || !isAccessField(e.field)) continue;
    byRow.set(e.rowId, [...(byRow.get(e.rowId) ?? []), e]);
  }
  if (byRow.size === 0) return;
  const repo = createLineChangesRepository({ db: tx });
  const lines = await repo.linesOfRows([...byRow.keys()]);
  if (lines.length === 0) return;
  const now = deps.clock.now();

  /** The row's changes as this line sees them: its dates from its own validity, the site and programme as typed. */
  const incomingOf = (l: (typeof lines)[number]): LineChange[] =>
    (byRow.get(l.rowId) ?? []).map((e) =>
      e.field === "startDate"
        ? { field: e.field, from: l.validFrom, to: l.rowStart }
        : e.field === "endDate"
          ? { field: e.field, from: l.validTo, to: l.rowEnd }
          : { field: e.field as AccessField, from: e.from, to: e.to },
    );

  const changedLines: { id: string; state: string; changes: LineChange[] | null }[] = [];
  const audits: { id: string; action: "change" | "update" }[] = [];
  const changesOf = new Map<string, LineChange[]>();
  const changedRowsBySheet = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.state !== "changed" && !granted.includes(l.state)) continue;
    const merged = mergeLineChanges(l.state === "changed" ? ((l.changes ?? []) as LineChange[]) : [], incomingOf(l));
    if (merged.length > 0) {
      changedLines.push({ id: l.id, state: "changed", changes: merged });
      audits.push({ id: l.id, action: "change" });
      changesOf.set(l.id, merged);
      const rows = changedRowsBySheet.get(l.sheetId) ?? new Set<string>();
      rows.add(l.rowId);
      changedRowsBySheet.set(l.sheetId, rows);
    } else if (l.state === "changed") {
      changedLines.push({ id: l.id, state: stateBeforeChange(l), changes: null });
      audits.push({ id: l.id, action: "update" });
    }
  }

  const drafts = lines.filter((l) => l.state === "draft");
  // A programme change cancels the row's drafts; so does a change undone for the draft that orders it.
  const reverted = new Set(changedLines.filter((l) => l.state !== "changed").map((l) => l.id));
  const cancelled = drafts.filter(
    (l) => changesProfile(byRow.get(l.rowId) ?? []) || (l.replacesLineId !== null && reverted.has(l.replacesLineId)),
  );
  const moved = drafts
    .filter((l) => !cancelled.includes(l))
    .map((l) => ({
      before: l,
      id: l.id,
      validFrom: l.rowStart ?? l.validFrom,
      validTo: l.rowEnd ?? l.validTo,
      changes: l.replacesLineId ? (changesOf.get(l.replacesLineId) ?? null) : null,
    }))
    .filter((l) => l.before.validFrom !== l.validFrom || l.before.validTo !== l.validTo || l.changes !== null);

  // The drafts first: a line put back holds its row and system again only once its draft is cancelled.
  await repo.cancelDrafts(
    cancelled.map((l) => l.id),
    actor.userId,
    now,
  );
  await repo.updateDrafts(moved, now);
  await repo.setChanged(changedLines, actor.userId, now);
  const ctx = auditContext(actor);
  await writeAudits(tx, ctx, [
    ...audits.map((a) => ({
      entity: "order_line" as const,
      entityId: a.id,
      action: a.action,
      fields: ["state", "changes"],
      institutionId: q.institutionId,
    })),
    ...moved.map((l) => ({
      entity: "order_line" as const,
      entityId: l.id,
      action: "update" as const,
      fields: ["valid_from", "valid_to"],
      institutionId: q.institutionId,
    })),
    ...cancelled.map((l) => ({
      entity: "order_line" as const,
      entityId: l.id,
      action: "cancel" as const,
      fields: ["state"],
      institutionId: q.institutionId,
    })),
  ]);
  await syncRowOrderStates(tx, [...new Set(lines.map((l) => l.rowId))]);
  if (changedRowsBySheet.size === 0) return;
  const fou = (await fouContactsOf(tx, q.trustId, q.institutionId)).filter((id) => id !== actor.userId);
  if (fou.length === 0) return;
  const sheetNames = new Map(q.entries.map((e) => [e.sheetId, e.sheetName]));
  for (const [sheetId, rows] of changedRowsBySheet) {
    await deps.notifier.notify(tx, {
      trustId: q.trustId,
      userIds: fou,
      kind: "order.changed",
      link: `/bestillinger/ny?ark=${sheetId}`,
      texts: changedTexts({ count: rows.size, sheet: sheetNames.get(sheetId) ?? "" }),
    });
  }
}
