const osloDateTime = new Intl.DateTimeFormat("nb-NO", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Oslo",
});

/** A moment (ISO string in UTC) as "dd.mm.yyyy HH:mm" in Europe/Oslo. */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = osloDateTime.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")} ${get("hour")}:${get("minute")}`;
}

/** Minutes Europe/Oslo is ahead of UTC at a moment (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: Date): number {
  const parts = osloDateTime.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The moment a calendar day (yyyy-mm-dd) begins in Europe/Oslo, as an ISO string in UTC;
 * `addDays` moves the day first (1: the start of the next day, for an inclusive "to" date).
 */
export function osloStartOfDay(date: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  let moment = guess - osloOffsetMinutes(new Date(guess)) * 60_000;
  const corrected = osloOffsetMinutes(new Date(moment));
  moment = guess - corrected * 60_000;
  return new Date(moment).toISOString();
}
