/**
 * The state of a student's registration, derived (never stored). Pure: no I/O, shared by server
 * and web.
 *
 * - `unconfirmed`: the e-mail address is not confirmed (counts as not registered);
 * - `confirmed`: confirmed, with no person yet or a person without placement rows;
 * - `matched`: its person has placement rows;
 * - `transferred`: its person is transferred to the HR system.
 */
export type RegistrationState = "unconfirmed" | "confirmed" | "matched" | "transferred";

export interface RegistrationFacts {
  emailConfirmedAt: Date | null;
  personId: string | null;
  /** Whether the person has placement rows. */
  personHasRows: boolean;
  personTransferredAt: Date | null;
}

export function registrationState(r: RegistrationFacts): RegistrationState {
  if (r.emailConfirmedAt === null) return "unconfirmed";
  if (r.personId === null) return "confirmed";
  if (r.personTransferredAt !== null) return "transferred";
  return r.personHasRows ? "matched" : "confirmed";
}

/**
 * A national ID typed on a public form proves nothing by itself: a registration matched by it
 * automatically waits for a confirmation when its e-mail differs from every e-mail on the person's
 * rows (or its rows hold none), unless its identity came from ID-porten or FOU confirmed it. Such a registration does not
 * make its person registered and is not ready for the HR transfer.
 */
export function needsConfirmation(r: {
  matchedBy: string | null;
  email: string;
  /** Whether the person has placement rows: until they do, there is nothing to compare with. */
  personHasRows: boolean;
  /** The e-mail addresses on the person's rows (any case). */
  rowEmails: readonly string[];
  verifiedAt: Date | null;
  fouConfirmedAt: Date | null;
}): boolean {
  if (r.matchedBy !== "national_id" || !r.personHasRows || r.verifiedAt !== null || r.fouConfirmedAt !== null) {
    return false;
  }
  const own = r.email.trim().toLowerCase();
  const known = r.rowEmails.map((e) => e.trim().toLowerCase()).filter((e) => e !== "");
  return !known.includes(own);
}

/** Whether a registration makes its person registered (the Registrert cells: "Registrert, ikke overført"). */
export const countsAsRegistered = (r: { emailConfirmedAt: Date | null; personId: string | null }, waits: boolean) =>
  r.emailConfirmedAt !== null && r.personId !== null && !waits;

/** The furthest step the student's own page shows: registered → transferred to HR → access ordered → ready. */
export type PublicRegistrationStep = "registered" | "transferred" | "ordered" | "ready";

export const publicStep = (r: { personTransferredAt: Date | null }): PublicRegistrationStep =>
  r.personTransferredAt !== null ? "transferred" : "registered";
