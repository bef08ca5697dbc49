import type { OrderState } from "./statuses.ts";

/**
 * The states of an order line (SPEC §3.2 steps 4–5) and who moves them: the one table the server
 * obeys and `docs/architecture.md` prints. A line is one student and one clinical system of an
 * order; it carries the row's placement dates as the access's validity.
 *
 * draft → ordered (FOU marks the order ordered with the portal's reference; only then is the line
 * in the IT provider's queue) → approved → implemented (with the username); or rejected (with a
 * reason; FOU may order the row again, which makes a new line). A draft line is cancelled with its
 * order. The access-lifecycle issue adds its states to the same table.
 */

export const orderLineStates = ["draft", "ordered", "approved", "implemented", "rejected", "cancelled"] as const;
export type OrderLineState = (typeof orderLineStates)[number];

/** What moves a line, named after the endpoint that does it. */
export const orderLineActions = ["mark_ordered", "cancel", "approve", "reject", "implement"] as const;
export type OrderLineAction = (typeof orderLineActions)[number];

/** Who may take an action: FOU (`student_admin`, and admins through the same policy) or the IT provider. */
export type OrderLineActor = "fou" | "provider";

export interface OrderLineTransition {
  action: OrderLineAction;
  from: readonly OrderLineState[];
  to: OrderLineState;
  by: OrderLineActor;
  /** The endpoint that takes it. */
  endpoint: string;
}

/**
 * Every move a line can make. A status report uploaded by FOU (`POST /api/orders/status-import`)
 * takes the IT provider's actions on the IT provider's behalf, by the same rules.
 */
export const orderLineTransitions: readonly OrderLineTransition[] = [
  { action: "mark_ordered", from: ["draft"], to: "ordered", by: "fou", endpoint: "POST /api/orders/{id}/mark-ordered" },
  { action: "cancel", from: ["draft"], to: "cancelled", by: "fou", endpoint: "POST /api/orders/{id}/cancel" },
  {
    action: "approve",
    from: ["ordered"],
    to: "approved",
    by: "provider",
    endpoint: "POST /api/order-lines/approve",
  },
  {
    action: "reject",
    from: ["ordered", "approved"],
    to: "rejected",
    by: "provider",
    endpoint: "POST /api/order-lines/reject",
  },
  {
    action: "implement",
    from: ["ordered", "approved"],
    to: "implemented",
    by: "provider",
    endpoint: "POST /api/order-lines/implement",
  },
];

const transitionOf = new Map(orderLineTransitions.map((t) => [t.action, t]));

/** The state `action` moves a line in `from` to, or null when it may not (the caller answers 409 with `from`). */
export function nextLineState(from: OrderLineState, action: OrderLineAction): OrderLineState | null {
  const t = transitionOf.get(action);
  return t?.from.includes(from) ? t.to : null;
}

/** The states from which `action` moves a line (for a query's `where state in (…)`). */
export const statesFor = (action: OrderLineAction): readonly OrderLineState[] => transitionOf.get(action)?.from ?? [];

/** A line that still stands for access: neither rejected nor cancelled. */
export const isLive = (s: OrderLineState) => s !== "rejected" && s !== "cancelled";

/** A line in the IT provider's queue: ordered and not yet decided to the end. */
export const isOpen = (s: OrderLineState) => s === "ordered" || s === "approved";

const progress = ["ordered", "approved", "implemented"] as const;

/**
 * A row's Bestilt cell from its lines (cancelled lines left out, and a rejected line that a later
 * line of the same system replaces): not ordered while any line is draft or there is none; rejected
 * when any is; otherwise the least advanced of ordered → approved → implemented.
 */
export function rowOrderState(
  lines: readonly { state: OrderLineState; systemId: string; createdAt: string }[],
): OrderState {
  const latest = new Map<string, { state: OrderLineState; createdAt: string }>();
  for (const line of lines) {
    if (line.state === "cancelled") continue;
    const seen = latest.get(line.systemId);
    if (!seen || seen.createdAt < line.createdAt) latest.set(line.systemId, line);
  }
  const states = [...latest.values()].map((l) => l.state);
  if (states.length === 0 || states.includes("draft")) return "not_ordered";
  if (states.includes("rejected")) return "rejected";
  return progress.find((p) => states.includes(p)) ?? "implemented";
}
