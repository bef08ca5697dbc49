import type { OrderLineState } from "../../../domain/order-lines.ts";
import { AppError } from "../../shared/errors.ts";
import type { RefusedRow } from "../overviews/overviews.public.ts";

/** Rows the caller's trust does not have (another trust's, or none such): nothing was extended. */
export const extensionRowsNotFound = (count = 1) =>
  new AppError("extension.not_found", 404, "Some of the rows were not found; nothing was extended.", { count });

/** A refusal of an extension, named for its first refused row; `refused` names every one and why. */
const refusal =
  (code: RefusedRow["code"], status: 400 | 409, message: string) =>
  (refused: RefusedRow[] = []) =>
    new AppError(`extension.${code}`, status, message, {
      issues: [{ path: "endDate", message: `extension.${code}` }],
      refused,
      count: refused.length,
      name: refused[0]?.name ?? "",
      lastAllowedText: refused.find((r) => r.lastAllowedText)?.lastAllowedText ?? "",
    });

export const extensionBeforeStart = refusal("before_start", 400, "The new end date is before a row's start.");
export const extensionNotLater = refusal("not_later", 400, "The new end date is not later than a row's end.");
export const extensionTooLate = refusal(
  "too_late",
  400,
  "The new end date is further past the sheet's period than the trust allows.",
);
export const extensionNoDates = refusal("no_dates", 400, "A row has no valid start and end date to extend.");
export const extensionAnonymised = refusal("anonymised", 409, "A row is anonymised and cannot be extended.");
export const extensionWithdrawn = refusal("withdrawn", 409, "A student is withdrawn and cannot be extended.");

const byCode = {
  before_start: extensionBeforeStart,
  not_later: extensionNotLater,
  too_late: extensionTooLate,
  no_dates: extensionNoDates,
  anonymised: extensionAnonymised,
  withdrawn: extensionWithdrawn,
} as const;

/** The answer to an extension with refused rows: 409 when any row is anonymised or withdrawn, else 400. */
export function extensionRefused(refused: RefusedRow[] = []) {
  const isLocked = (r: RefusedRow) => r.code === "anonymised" || r.code === "withdrawn";
  const ordered = [...refused.filter(isLocked), ...refused.filter((r) => !isLocked(r))];
  return byCode[ordered[0]?.code ?? "not_later"](ordered);
}

/** An extended line the caller does not reach, or none such. */
export const extensionLineNotFound = () =>
  new AppError("extensions.not_found", 404, "The extension was not found; nothing was marked.");

/** Lines that are not (or no longer) extended: nothing was marked. `lines` names each with its state. */
export const extensionNotExtended = (lines: { id: string; state: OrderLineState }[] = []) =>
  new AppError(
    "extensions.not_extended",
    409,
    "Some of the lines are not waiting on an extension; nothing was marked.",
    {
      lines,
      count: lines.length,
      state: lines[0]?.state ?? "",
    },
  );
