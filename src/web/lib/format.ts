/** Norwegian sorting: æ, ø and å after z, numbers in numeric order. */
export const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? "", b ?? "");
}

/** Calendar dates as dd.mm.yyyy, in Europe/Oslo. */
export function formatDate(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat("nb-NO", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Oslo",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")}`;
}

/** Case- and accent-insensitive "contains" for the search fields of lists. */
export function matchesSearch(query: string, ...values: Array<string | null | undefined>): boolean {
  const q = query.trim().toLocaleLowerCase("nb");
  if (!q) return true;
  return values.some((v) => (v ?? "").toLocaleLowerCase("nb").includes(q));
}
