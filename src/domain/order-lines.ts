import type { OrderState } from "./statuses.ts";

/**
 * The states of an order line (SPEC §3.2 steps 4–6) and who moves them: the one table the server
 * obeys and `docs/architecture.md` prints. A line is one student and one clinical system of an
 * order; it carries the row's placement dates as the access's validity (never open-ended).
 *
 * draft → ordered (FOU marks the order ordered with the portal's reference; only then is the line
 * in the IT provider's queue) → approved → implemented (with the username); or rejected (with a
 * reason; FOU may order the row again, which makes a new line). A draft line is cancelled with its
 * order. Then access follows the placement (SPEC §3.2 step 6):
 * - a change of the row's dates, site or programme after the order makes its lines `changed`
 *   (with from → to); FOU orders the change, and when that order is marked ordered the changed
 *   line is `superseded` by the change's line (change type `changed`);
 * - a removed row, a withdrawn student and the end of the placement put the line `to_deactivate`,
 *   on the IT provider's deactivation list, until it is marked `deactivated` (once);
 * - a placement FOU extends makes its implemented lines `extended` (a new end date), on the IT
 *   provider's extension list, until it is marked done (back to `implemented`);
 * - a line whose placement ends while a later placement of the same person carries the same system
 *   on is `superseded` by that placement's line, not deactivated.
 */

export const orderLineStates = [
  "draft",
  "ordered",
  "approved",
  "implemented",
  "rejected",
  "cancelled",
  "changed",
  "to_deactivate",
  "deactivated",
  "extended",
  "superseded",
] as const;
export type OrderLineState = (typeof orderLineStates)[number];

/** What moves a line, named after the endpoint (or the event) that does it. */
export const orderLineActions = [
  "mark_ordered",
  "cancel",
  "approve",
  "reject",
  "implement",
  "change",
  "supersede",
  "schedule_deactivation",
  "mark_deactivated",
  "extend",
  "mark_extended",
  "continue",
] as const;
export type OrderLineAction = (typeof orderLineActions)[number];

/**
 * Who takes an action: FOU (`student_admin`, and admins through the same policy), the IT provider,
 * whoever edits the row (a coordinator of its institution or FOU), or the app itself (the nightly job).
 */
export type OrderLineActor = "fou" | "provider" | "row_editor" | "app";

/** What a line of the ordering portal's file asks of the IT provider (its change-type column). */
export const changeTypes = ["new", "changed", "extended", "deactivate"] as const;
export type ChangeType = (typeof changeTypes)[number];

/** Why a line is on the deactivation list. `changed`: a programme change left its system out of the new profile. */
export const deactivationReasons = ["removed", "withdrawn", "ended", "changed"] as const;
export type DeactivationReason = (typeof deactivationReasons)[number];

/** The row fields whose change after an order changes the access: the validity, the site, the profile. */
export const accessFields = ["startDate", "endDate", "placementSiteId", "studyProgramme"] as const;

export interface OrderLineTransition {
  action: OrderLineAction;
  from: readonly OrderLineState[];
  to: OrderLineState;
  by: OrderLineActor;
  /** The endpoint (or event) that takes it. */
  endpoint: string;
}

/** The states of a line that holds access or will: what a change, a removal and the end of a placement act on. */
export const grantedStates = ["ordered", "approved", "implemented", "extended"] as const satisfies OrderLineState[];

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
  {
    action: "change",
    from: grantedStates,
    to: "changed",
    by: "row_editor",
    endpoint: "PATCH /api/rows/{id} (dates, site or programme), and an import that changes them",
  },
  {
    action: "supersede",
    from: ["changed"],
    to: "superseded",
    by: "fou",
    endpoint: "POST /api/orders/{id}/mark-ordered (the order of the change)",
  },
  {
    action: "schedule_deactivation",
    from: [...grantedStates, "changed"],
    to: "to_deactivate",
    by: "app",
    endpoint: "DELETE /api/rows/{id}, POST /api/rows/{id}/withdraw, the nightly job the day after the end",
  },
  {
    action: "mark_deactivated",
    from: ["to_deactivate"],
    to: "deactivated",
    by: "provider",
    endpoint: "POST /api/deactivations/mark",
  },
  {
    action: "extend",
    from: ["implemented", "extended", "to_deactivate"],
    to: "extended",
    by: "fou",
    endpoint: "POST /api/rows/extend",
  },
  {
    action: "mark_extended",
    from: ["extended"],
    to: "implemented",
    by: "provider",
    endpoint: "POST /api/extensions/mark",
  },
  {
    action: "continue",
    from: grantedStates,
    to: "superseded",
    by: "app",
    endpoint: "the nightly job, when a later placement of the person carries the system on",
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

/** A line that still stands for access or will: neither rejected, cancelled, superseded nor deactivated. */
export const isLive = (s: OrderLineState) =>
  s !== "rejected" && s !== "cancelled" && s !== "superseded" && s !== "deactivated";

/**
 * The states in which a line holds its row and system: at most one such line per row and system
 * (the partial unique index `order_lines_row_system_current`), so ordering a row twice is refused.
 * A changed line does not hold them: the order of the change makes the next line.
 */
export const holdingStates = [
  "draft",
  "ordered",
  "approved",
  "implemented",
  "extended",
] as const satisfies OrderLineState[];

/** A line in the IT provider's queue: ordered and not yet decided to the end. */
export const isOpen = (s: OrderLineState) => s === "ordered" || s === "approved";

const progress = ["ordered", "approved", "extended", "implemented"] as const;

/**
 * A row's Bestilt cell from its lines (cancelled and superseded lines left out, and a rejected line
 * that a later line of the same system replaces): not ordered when there is none; rejected when any
 * is; changed after order when any is; not ordered while any is a draft; once every line is on the
 * deactivation list or off it, to deactivate or deactivated; otherwise the least advanced of
 * ordered → approved → extended → implemented.
 */
export function rowOrderState(
  lines: readonly { state: OrderLineState; systemId: string; createdAt: string }[],
): OrderState {
  const latest = new Map<string, { state: OrderLineState; createdAt: string }>();
  for (const line of lines) {
    if (line.state === "cancelled" || line.state === "superseded") continue;
    const seen = latest.get(line.systemId);
    if (!seen || seen.createdAt < line.createdAt) latest.set(line.systemId, line);
  }
  const states = [...latest.values()].map((l) => l.state);
  if (states.length === 0) return "not_ordered";
  if (states.includes("rejected")) return "rejected";
  if (states.includes("changed")) return "changed";
  if (states.includes("draft")) return "not_ordered";
  const granted = states.filter((s) => s !== "to_deactivate" && s !== "deactivated");
  if (granted.length === 0) return states.includes("to_deactivate") ? "to_deactivate" : "deactivated";
  return progress.find((p) => granted.includes(p)) ?? "implemented";
}
