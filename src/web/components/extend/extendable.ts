import type { ExtendCandidate } from "./ExtendDialog.tsx";

/** The Bestilt states of rows FOU may extend: ordered access, granted or on its way (or just ended). */
const extendableStates = new Set(["ordered", "approved", "implemented", "extended", "to_deactivate"]);

/** The rows of a sheet (or a list) FOU may extend, as the extension dialog offers them. */
export function extendable(
  rows: readonly { id: string; lastName: string; firstName: string; endDate: string | null; orderState: string }[],
): ExtendCandidate[] {
  return rows
    .filter((r) => extendableStates.has(r.orderState))
    .map((r) => ({ id: r.id, name: `${r.lastName}, ${r.firstName}`, endDate: r.endDate }));
}
