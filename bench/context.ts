import type { Session } from "./client.ts";
import type { Fixtures } from "./fixtures.ts";
import { load, type Target } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import type { Measurement, Results } from "./report.ts";
import type { ServerProcess } from "./server-process.ts";

/**
 * What every phase of a run (run.ts) works with: the options, the fixtures of both regions, the
 * running servers, the signed-in sessions, and the lists the measurements go into, in order.
 */
export interface BenchContext {
  o: BenchOptions;
  log: (line: string) => void;
  password: string;
  /** The large region's fixtures, and the small region's beside them. */
  f: Fixtures;
  smallFixtures: Fixtures;
  app: ServerProcess;
  smallApp: ServerProcess;
  floor: ServerProcess;
  /** The user's session on that server (the app unless told), signed in once per run. */
  as(email: string, on?: ServerProcess): Promise<Session>;
  measurements: Measurement[];
  queries: Results["queries"];
  cost: Results["cost"];
}

/** A session cache over `signIn`: each user signs in once per server. */
export function sessionCache(
  app: ServerProcess,
  signIn: (url: string, email: string) => Promise<Session>,
): BenchContext["as"] {
  const sessions = new Map<string, Session>();
  return async (email, on = app) => {
    const k = `${on.url} ${email}`;
    if (!sessions.has(k)) sessions.set(k, await signIn(on.url, email));
    return sessions.get(k) as Session;
  };
}

/** Whether `--only` leaves this operation in. */
export const chosen = (o: BenchOptions, label: string) =>
  o.only === null || o.only.some((part) => label.toLowerCase().includes(part));

/**
 * One operation against its floor at each number of connections (after a warm-up), app then floor
 * at each, as measurements of `group`.
 */
export async function series(
  c: BenchContext,
  label: string,
  group: Measurement["group"],
  appTarget: Target,
  floorTarget: Target,
  statements: number | null,
  connections = c.o.connections,
): Promise<void> {
  if (c.o.warmupSeconds > 0) await load(appTarget, { connections: 8, seconds: c.o.warmupSeconds });
  for (const n of connections) {
    const a = await load(appTarget, c.o.window(n));
    const fl = await load(floorTarget, c.o.window(n));
    c.measurements.push({ group, label, statements, app: a, floor: fl });
    c.log(`${label} at ${n}: ${a.rps.toFixed(1)} req/s (floor ${fl.rps.toFixed(1)})`);
  }
}
