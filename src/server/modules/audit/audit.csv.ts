import { neutralise } from "../overviews/overviews.public.ts";

/**
 * The audit log as CSV for Excel: UTF-8 with a byte order mark (so Excel reads æøå), cells separated
 * by semicolons (the list separator of Norwegian Excel), lines ending in CRLF, and every cell
 * neutralised against formulas (a cell starting with `= + - @` gets a leading `'`).
 */
export const csvBom = "\uFEFF";

/** One CSV line: cells quoted where they hold a separator, a quote or a line break. */
export function csvLine(cells: readonly string[]): string {
  return `${cells
    .map((cell) => {
      const safe = neutralise(cell);
      return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(";")}\r\n`;
}

const osloParts = new Intl.DateTimeFormat("nb-NO", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Oslo",
});

/** A moment as people here read it and Excel takes it: "28.11.2026 10:00:00" in Europe/Oslo. */
export function osloDateTime(at: Date): string {
  const parts = osloParts.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/** The calendar day of a moment in Europe/Oslo, `YYYY-MM-DD`, for file names. */
export function osloDay(at: Date): string {
  const parts = osloParts.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
