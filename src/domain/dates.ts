/**
 * Calendar dates of periods and placements: 'YYYY-MM-DD' strings, meant in Europe/Oslo.
 * Pure: no I/O, shared by server and web.
 *
 * The one date rule of the app, for every entry point (API bodies, pasted and imported cells, the
 * web's forms): a date is a day the calendar has (no 30 February, no 29 February outside leap
 * years, no month 13) in the years {@link minYear}–{@link maxYear}. Birth dates of living students
 * and placement periods lie well inside; anything outside is a typing error, and the database's
 * `date` columns never see it (PostgreSQL refuses year 0 and impossible days with an error).
 */

export type IsoDate = string;

/** The first and last year a date may have. */
export const minYear = 1900;
export const maxYear = 2199;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const norwegianPattern = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$/;

/** The date of year, month and day by the rule above, else null. */
function valid(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || y < minYear || y > maxYear) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Whether a value is a date by the rule above, written 'YYYY-MM-DD': what may be stored in a `date`
 * column. Text kept as typed (`2027-02-30`, `neste uke`) is not.
 */
export function isIsoDate(value: string): value is IsoDate {
  const iso = isoPattern.exec(value);
  if (iso === null) return false;
  const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  return y >= minYear && y <= maxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (monthDays[m - 1] as number);

/** Parses `2026-08-17`, `17.08.2026`, `17.8.26` or `17/08/2026`; null when it is not a real date. */
export function parseDate(input: string): IsoDate | null {
  const s = input.trim();
  const iso = isoPattern.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const no = norwegianPattern.exec(s);
  if (!no) return null;
  const year = (no[3] as string).length === 2 ? 2000 + Number(no[3]) : Number(no[3]);
  return valid(year, Number(no[2]), Number(no[1]));
}

/** `2026-08-17` → `17.08.2026`, the way people here write dates. */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Made once: building an `Intl.DateTimeFormat` costs far more than formatting with one (lists call this per sheet). */
const osloDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Oslo at moment `now`. */
export function todayInOslo(now: Date): IsoDate {
  return osloDate.format(now);
}

/** Excel stores dates as days since 1899-12-30 (with the 1900 leap-year bug folded in). */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const date = addDays("1899-12-30", Math.floor(serial));
  return isIsoDate(date) ? date : null;
}

/** Dates from a spreadsheet cell: an Excel date, a serial number or text. */
export function dateFromCell(value: unknown): IsoDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") return fromExcelSerial(value);
  if (typeof value === "string") return parseDate(value);
  return null;
}

export const isBefore = (a: IsoDate, b: IsoDate) => a < b;

/** Whether [start, end] lies inside [periodStart, periodEnd]. */
export const insidePeriod = (start: IsoDate, end: IsoDate, periodStart: IsoDate, periodEnd: IsoDate) =>
  start >= periodStart && end <= periodEnd;

/** Whether two date ranges share at least one day. */
export const overlaps = (aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate) =>
  aStart <= bEnd && bStart <= aEnd;
