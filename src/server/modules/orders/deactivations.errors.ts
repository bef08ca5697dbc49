import { AppError } from "../../shared/errors.ts";

/** Lines already marked deactivated: nothing is deactivated twice, and nothing was changed. */
export const alreadyDeactivated = (lines: { id: string; state: string }[] = []) =>
  new AppError(
    "deactivations.already_deactivated",
    409,
    "Some of the lines are already deactivated; nothing was changed.",
    {
      lines,
      count: lines.length,
      state: "deactivated",
    },
  );
