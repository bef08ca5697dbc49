/**
 * The Registrert and Bestilt columns of the seed, as states the app knows — never typed or painted
 * by hand. Yellow means someone still has to act; green means done. Each state has a text too.
 */
export const registrationStates = ["not_registered", "registered", "transferred"] as const;
export type RegistrationState = (typeof registrationStates)[number];

export const orderStates = ["not_ordered", "ordered", "approved", "implemented", "rejected"] as const;
export type OrderState = (typeof orderStates)[number];

export type StatusColour = "yellow" | "green" | "red";

/** Registrert: green only when the person is transferred to the HR system. */
export const registrationColour = (s: RegistrationState): StatusColour => (s === "transferred" ? "green" : "yellow");

/** Bestilt: green once FOU has ordered; a rejected order needs attention. */
export const orderColour = (s: OrderState): StatusColour =>
  s === "not_ordered" ? "yellow" : s === "rejected" ? "red" : "green";

/** The person's state from what the app knows of them. */
export function registrationStateOf(
  p: { registeredAt: Date | null; hrTransferredAt: Date | null } | null,
): RegistrationState {
  if (p?.hrTransferredAt) return "transferred";
  if (p?.registeredAt) return "registered";
  return "not_registered";
}
