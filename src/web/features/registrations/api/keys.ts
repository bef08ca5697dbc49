/** The registration feature's query keys: a change invalidates everything under `registrationKeys.all`. */
export const registrationKeys = {
  all: ["registration"] as const,
  campaigns: (params: string) => ["registration", "campaigns", params] as const,
  campaign: (id: string) => ["registration", "campaign", id] as const,
  registrations: (id: string, params: string) => ["registration", "campaign", id, "registrations", params] as const,
  missing: (id: string, params: string) => ["registration", "campaign", id, "missing", params] as const,
  matching: (params: string) => ["registration", "matching", params] as const,
  ready: (params: string) => ["registration", "hr-ready", params] as const,
  exports: (params: string) => ["registration", "hr-exports", params] as const,
};

/** A query string of the defined values, in a stable order (also the query's key). */
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  return search.toString();
}
