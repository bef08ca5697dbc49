import { AppError } from "../../shared/errors.ts";

/** A withdrawn student's row is read-only: it is not changed, removed, commented on or withdrawn again. */
export const rowWithdrawn = (date = "") =>
  new AppError(
    "rows.withdrawn",
    409,
    "The student has been withdrawn from this placement, so the row can no longer be changed, removed or commented on.",
    { date },
  );

/** Only a row of a submitted sheet is withdrawn; before submission the row is simply removed. */
export const withdrawNotSubmitted = () =>
  new AppError(
    "rows.withdraw_not_submitted",
    409,
    "Only a student on a submitted sheet is withdrawn; before submission, remove the row.",
  );

/** A withdrawal dated before the placement starts. */
export const withdrawBeforeStart = (startDate = "") =>
  new AppError("rows.withdraw_before_start", 400, "The withdrawal date is before the placement starts.", {
    startDate,
    issues: [{ path: "date", message: "withdraw.before_start" }],
  });

/** A withdrawal dated after the placement ends (its access ends then anyway). */
export const withdrawAfterEnd = (endDate = "") =>
  new AppError("rows.withdraw_after_end", 400, "The withdrawal date is after the placement ends.", {
    endDate,
    issues: [{ path: "date", message: "withdraw.after_end" }],
  });
