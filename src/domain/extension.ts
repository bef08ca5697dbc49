import { addDays, type IsoDate, isIsoDate } from "./dates.ts";

/**
 * Extending a placement (SPEC §3.2 step 6): FOU gives rows a later end date. An extended row may
 * end past its sheet's period, up to the trust's `extension_max_days` after the period's end; its
 * end date is then shown as extended, not as outside the period.
 */

/** Why a row is not extended to a date: the codes of the refusal (`extension.<code>`). */
export const extensionRefusals = [
  "before_start",
  "not_later",
  "too_late",
  "no_dates",
  "anonymised",
  "withdrawn",
] as const;
export type ExtensionRefusal = (typeof extensionRefusals)[number];

/** The refusals that are a conflict with the row's state (409), not bad input (400). */
export const lockedRefusals: readonly ExtensionRefusal[] = ["anonymised", "withdrawn"];

/** The last day a row of a sheet whose period ends `periodEnd` may be extended to. */
export const lastExtensionDay = (periodEnd: IsoDate, extensionMaxDays: number): IsoDate =>
  addDays(periodEnd, extensionMaxDays);

export interface ExtendableRow {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  anonymised: boolean;
  withdrawn: boolean;
  periodEnd: IsoDate;
  extensionMaxDays: number;
}

/** Why `row` may not be extended to `endDate`, or null when it may. */
export function extensionRefusal(row: ExtendableRow, endDate: IsoDate): ExtensionRefusal | null {
  if (row.anonymised) return "anonymised";
  if (row.withdrawn) return "withdrawn";
  if (!row.startDate || !row.endDate || !isIsoDate(row.startDate) || !isIsoDate(row.endDate)) return "no_dates";
  if (endDate < row.startDate) return "before_start";
  if (endDate <= row.endDate) return "not_later";
  if (endDate > lastExtensionDay(row.periodEnd, row.extensionMaxDays)) return "too_late";
  return null;
}

/**
 * Whether a row's end date `end` is outside its sheet's period: a row never extended must end in
 * the period; an extended one (`extended`) may run on to the period's end + the trust's days.
 */
export function endOutsidePeriod(
  end: IsoDate,
  period: { start: IsoDate; end: IsoDate },
  extension: { extended: boolean; maxDays?: number | undefined },
): boolean {
  if (end < period.start) return true;
  if (!extension.extended) return end > period.end;
  return extension.maxDays !== undefined && end > lastExtensionDay(period.end, extension.maxDays);
}
