import { addDays, daysBetween, type IsoDate } from "./dates.ts";

/** How a sheet stands against its deadline. */
export type DeadlineState = "on_time" | "due_soon" | "late" | "submitted" | "submitted_late";

/** Days before the deadline a sheet counts as due soon, and coordinators get a reminder. */
export const dueSoonDays = 7;

/** The deadline of a period: its start minus the trust's deadline days (28 by default). */
export const deadlineOf = (periodStart: IsoDate, deadlineDays: number): IsoDate => addDays(periodStart, -deadlineDays);

/** The state on `today`; a submission is late when it came after the deadline day. */
export function deadlineState(input: {
  today: IsoDate;
  periodStart: IsoDate;
  deadlineDays: number;
  submittedOn: IsoDate | null;
}): DeadlineState {
  const deadline = deadlineOf(input.periodStart, input.deadlineDays);
  if (input.submittedOn) return input.submittedOn > deadline ? "submitted_late" : "submitted";
  if (input.today > deadline) return "late";
  return daysBetween(input.today, deadline) <= dueSoonDays ? "due_soon" : "on_time";
}

/** Whether the reminder for a sheet is due on `today`: 7 days or less before the deadline, not submitted. */
export const reminderDue = (today: IsoDate, periodStart: IsoDate, deadlineDays: number) => {
  const left = daysBetween(today, deadlineOf(periodStart, deadlineDays));
  return left <= dueSoonDays && left >= 0;
};
