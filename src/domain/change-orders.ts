import type { LineChange } from "./line-changes.ts";

/** A line of a row changed after its order, as the change order sees it. */
export interface ChangedLine {
  id: string;
  systemId: string;
  changes: readonly LineChange[];
}

export interface PlannedLine<I> {
  item: I;
  changeType: "new" | "changed";
  replacesLineId: string | null;
  changes: LineChange[];
}

/**
 * The lines of a change order for one row (SPEC §3.2 step 6): each system of the row's profile as it
 * is now that a changed line has is `changed` (replacing that line, its changes copied); a system only
 * the new profile has is `new` (with the row's changes, so the order knows it is the row's change);
 * a changed line whose system the profile no longer has is to be deactivated when the order is sent.
 */
export function planChangeLines<I extends { systemId: string }>(
  items: readonly I[],
  changed: readonly ChangedLine[],
): { lines: PlannedLine<I>[]; deactivate: ChangedLine[]; changes: LineChange[] } {
  const bySystem = new Map(changed.map((c) => [c.systemId, c]));
  const changes = [
    ...(changed.reduce<ChangedLine | undefined>(
      (most, c) => (!most || c.changes.length > most.changes.length ? c : most),
      undefined,
    )?.changes ?? []),
  ];
  const lines = items.map((item): PlannedLine<I> => {
    const line = bySystem.get(item.systemId);
    return line
      ? { item, changeType: "changed", replacesLineId: line.id, changes: [...line.changes] }
      : { item, changeType: "new", replacesLineId: null, changes };
  });
  const kept = new Set(items.map((i) => i.systemId));
  return { lines, deactivate: changed.filter((c) => !kept.has(c.systemId)), changes };
}
