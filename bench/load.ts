import autocannon from "autocannon";

/**
 * Load from autocannon, driven from code: a number of connections for a fixed time (or a fixed
 * number of requests, for imports and exports that take seconds each). Any answer that is not 2xx,
 * and any connection error or timeout, fails the run with the path and status: a fast error is
 * not a result.
 */
export interface Target {
  url: string;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Path and body of each next request (imports that each fill an empty document of their own,
   * registrations that each are a student of their own).
   */
  next?: () => { path: string; body?: string | Buffer };
}

export interface LoadResult {
  connections: number;
  requests: number;
  seconds: number;
  /** Answers per second over the run. */
  rps: number;
  p50: number;
  p975: number;
  p99: number;
}

export class LoadFailure extends Error {}

export async function load(
  target: Target,
  o: { connections: number; seconds?: number; amount?: number; timeoutSeconds?: number },
): Promise<LoadResult> {
  let failure: string | null = null;
  let current = target.path;
  let finished: (error: Error | null, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: target.url,
      connections: o.connections,
      ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 1 }),
      timeout: o.timeoutSeconds ?? 30,
      // How often autocannon looks whether the run is over (its default is a second).
      sampleInt: 100,
      requests: [
        {
          method: target.method ?? "GET",
          path: target.path,
          headers: target.headers,
          body: target.body,
          setupRequest: (request) => {
            if (!target.next) return request;
            const next = target.next();
            current = next.path;
            return { ...request, path: next.path, body: next.body ?? request.body };
          },
          onResponse: (status, body) => {
            if ((status < 200 || status > 299) && failure === null) {
              failure = `${target.method ?? "GET"} ${current} answered ${status}: ${body.slice(0, 300)}`;
              instance.stop();
            }
          },
        },
      ],
    },
    (error, result) => finished(error, result),
  );
  const result = await done;
  // Requests still running when the run ended are dropped by autocannon but not by the server:
  // wait until it has worked them off (its health check needs a free database connection too).
  await fetch(`${target.url}/api/health`).catch(() => undefined);
  if (failure) throw new LoadFailure(failure);
  if (result.errors > 0 || result.timeouts > 0) {
    throw new LoadFailure(
      `${target.method ?? "GET"} ${target.path}: ${result.errors} connection errors, ${result.timeouts} timeouts`,
    );
  }
  if (result["2xx"] === 0) {
    if (o.amount) throw new LoadFailure(`${target.method ?? "GET"} ${target.path}: no answer at all`);
    // Slower than the whole window: one request per connection instead, however long they take.
    return load(target, { connections: o.connections, amount: o.connections, timeoutSeconds: 300 });
  }
  return {
    connections: o.connections,
    requests: result["2xx"],
    seconds: result.duration,
    rps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
  };
}
