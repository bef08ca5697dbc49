/**
 * How long personal data is kept (SPEC §4): a student's personal data goes a set time after their
 * last placement ends (`trusts.retention_months`, 12 by default), and sent e-mail and read
 * notifications after fixed ages. Calendar dates in Europe/Oslo. Pure: no I/O.
 */
import { addDays, type IsoDate } from "./dates.ts";

/** The last name an anonymised row or person keeps (the first name becomes empty). */
export const anonymisedLastName = "Slettet";

/** Sent e-mail (`outbox_messages` in state `sent`) is deleted this many days after it was sent. */
export const sentEmailRetentionDays = 90;

/** Read notifications are deleted this many months after they were created; unread ones stay. */
export const readNotificationRetentionMonths = 12;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `date` moved by whole calendar months (negative: back); a day that the target month lacks
 * becomes its last day, so 31.03 minus one month is 28.02 (29.02 in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The first day whose placements are still kept: `today` minus the trust's retention months. A
 * placement that ended before it is past retention; one that ended on it or later is not.
 */
export function retentionCutoff(today: IsoDate, retentionMonths: number): IsoDate {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 0) {
    throw new RangeError(`retention months must be a whole number of at least 0, got ${retentionMonths}`);
  }
  return addMonths(today, -retentionMonths);
}

/** One placement of a person: a row's end date, and its sheet's (period's) end date. */
export interface PlacementEnd {
  /** Null when the row has none (empty, or not a date). */
  endDate: IsoDate | null;
  sheetEndDate: IsoDate;
}

/**
 * When a person's last placement ends: the latest end date of their rows, a row without one
 * counting as ending with its sheet's period. Null when they have no placement.
 */
export function lastPlacementEnd(placements: readonly PlacementEnd[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const p of placements) {
    const end = p.endDate ?? p.sheetEndDate;
    if (last === null || end > last) last = end;
  }
  return last;
}

/** Whether personal data whose last placement ended on `lastEnd` is past retention at `cutoff`. */
export const isPastRetention = (lastEnd: IsoDate | null, cutoff: IsoDate): boolean =>
  lastEnd !== null && lastEnd < cutoff;

/** Whether a person's personal data is due for anonymisation on `today`. */
export function personalDataDue(input: {
  today: IsoDate;
  retentionMonths: number;
  placements: readonly PlacementEnd[];
}): boolean {
  return isPastRetention(lastPlacementEnd(input.placements), retentionCutoff(input.today, input.retentionMonths));
}

/** E-mail sent before this day (Europe/Oslo) is deleted. */
export const sentEmailCutoff = (today: IsoDate): IsoDate => addDays(today, -sentEmailRetentionDays);

/** Read notifications created before this day (Europe/Oslo) are deleted. */
export const readNotificationCutoff = (today: IsoDate): IsoDate => addMonths(today, -readNotificationRetentionMonths);
