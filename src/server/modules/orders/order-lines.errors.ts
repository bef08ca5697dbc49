import type { OrderLineState } from "../../../domain/order-lines.ts";
import { AppError } from "../../shared/errors.ts";

/** A line the caller may not see, or none such: the same answer, so nothing confirms it exists. */
export const lineNotFound = () => new AppError("order_lines.not_found", 404, "The order line was not found.");

/**
 * Lines someone else already moved out of the states the action starts from: nothing was changed.
 * `lines` names each with its current state.
 */
export const lineStateChanged = (lines: { id: string; state: OrderLineState }[] = []) =>
  new AppError(
    "order_lines.state_changed",
    409,
    "Some of the lines have already been moved by someone else; nothing was changed.",
    { lines, count: lines.length, state: lines[0]?.state ?? "" },
  );

/** Two different usernames for one person in one request. */
export const usernameConflict = (name = "", usernames: string[] = []) =>
  new AppError("order_lines.username_conflict", 409, "A person gets one username per request.", {
    name,
    usernames: usernames.join(", "),
  });

/** FOU's message for the coordinators belongs to a rejected line only. */
export const lineNotRejected = (state: OrderLineState | "" = "") =>
  new AppError("order_lines.not_rejected", 409, "Only a rejected line carries a message for the coordinators.", {
    state,
  });
