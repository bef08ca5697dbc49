import { addDays, daysBetween, type IsoDate } from "./dates.ts";

/**
 * When access ends and what carries it on (SPEC §3.2 step 6): a line's access is valid from the
 * row's start to its end date; it is due for deactivation the day after the end, in Europe/Oslo.
 */

/** The first day the access of a placement ending `endDate` is no longer valid: the day after. */
export const deactivationDay = (endDate: IsoDate): IsoDate => addDays(endDate, 1);

/** Whether a placement ending `endDate` has ended on `today` (Oslo): from the day after its end. */
export const hasEnded = (endDate: IsoDate, today: IsoDate): boolean => today >= deactivationDay(endDate);

/**
 * Whether a later placement of the same person carries access on: it starts no later than the day
 * after this one ends, and ends after it. Then the access is neither deactivated nor reminded of.
 */
export const continues = (endDate: IsoDate, later: { startDate: IsoDate; endDate: IsoDate }): boolean =>
  later.startDate <= deactivationDay(endDate) && later.endDate > endDate;

/** The days before the end of access on which FOU and the coordinator are reminded, each once. */
export const expiryReminderDays = [14, 1] as const;

/** Which reminder (14 or 1 days before) is due on `today` for access ending `endDate`, or null. */
export function reminderDue(endDate: IsoDate, today: IsoDate): (typeof expiryReminderDays)[number] | null {
  const left = daysBetween(today, endDate);
  return expiryReminderDays.find((d) => d === left) ?? null;
}
