/** The readiness feature's query keys: a saved status report invalidates everything under `readinessKeys.all`. */
export const readinessKeys = {
  all: ["readiness"] as const,
  list: (query: object) => ["readiness", "list", query] as const,
};
