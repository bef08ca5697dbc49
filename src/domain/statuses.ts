/**
 * The Registrert and Bestilt columns of the seed, as states the app knows — never typed or painted
 * by hand. Yellow means someone still has to act; green means done. Each state has a text too.
 */
export const registrationStates = ["not_registered", "registered", "transferred"] as const;
export type RegistrationState = (typeof registrationStates)[number];

export const orderStates = [
  "not_ordered",
  "ordered",
  "approved",
  "implemented",
  "rejected",
  "changed",
  "extended",
  "to_deactivate",
  "deactivated",
] as const;
export type OrderState = (typeof orderStates)[number];

export type StatusColour = "yellow" | "green" | "red";

/** Registrert: green only when the person is transferred to the HR system. */
export const registrationColour = (s: RegistrationState): StatusColour => (s === "transferred" ? "green" : "yellow");

/**
 * Bestilt: green once FOU has ordered; a rejected order needs attention; a change after the order
 * waits for FOU to order it, and access on the deactivation list for the IT provider to remove it.
 */
export const orderColour = (s: OrderState): StatusColour =>
  s === "rejected" ? "red" : s === "not_ordered" || s === "changed" || s === "to_deactivate" ? "yellow" : "green";

/** The person's state from what the app knows of them. */
export function registrationStateOf(
  p: { registeredAt: Date | null; hrTransferredAt: Date | null } | null,
): RegistrationState {
  if (p?.hrTransferredAt) return "transferred";
  if (p?.registeredAt) return "registered";
  return "not_registered";
}
