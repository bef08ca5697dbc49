import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as wait } from "node:timers/promises";

/**
 * A server in a process of its own on 127.0.0.1: the app exactly as `npm start` runs it
 * (`tsx src/server/main.ts` against the built web app in dist/web), or the floor server. Its output
 * is kept and shown only when it fails.
 */
export interface ServerProcess {
  label: string;
  url: string;
  /** Resident memory of the server's own process (tsx runs it as a child), in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Every child of `pid`, whichever of its threads started it (or inherited it from a thread that ended). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function commandOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/**
 * The process that runs `script`: tsx's command line starts it in a child node process. Found by
 * its command line, not by position: the server's own children (esbuild services that tsx starts in
 * the parse workers, left behind as zombies when a worker ends) are no candidates.
 */
function scriptProcess(pid: number, script: string): number {
  const runner = childrenOf(pid).find((child) => commandOf(child).includes(script));
  if (runner === undefined) throw new Error(`no process under ${pid} runs ${script}`);
  return runner;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`process ${pid} has no resident set (it has ended)`);
  return Number(kb) * 1024;
}

async function start(
  label: string,
  script: string,
  env: Record<string, string>,
  port: number,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(tsx, [...nodeArgs, script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited !== null) throw new Error(`${label} exited with ${exited} before it answered:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${label} did not answer within 5 minutes:\n${output}`);
    }
    const ok = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    await wait(200);
  }
  const server = scriptProcess(child.pid as number, script);
  return {
    label,
    url,
    rss: () => rssOf(server),
    async stop() {
      if (exited !== null) return;
      child.kill("SIGTERM");
      const stopped = await Promise.race([exit.then(() => true), wait(30_000).then(() => false)]);
      if (!stopped) {
        child.kill("SIGKILL");
        await exit;
      }
    },
  };
}

/** The limits and switches the benchmark sets, besides the database and the encryption key. */
export const benchSettings = {
  HOST: "127.0.0.1",
  LOG_LEVEL: "silent",
  DEMO_DATA: "0",
  /** Sign-in at 32 connections records up to 32 attempts at once before any password is checked. */
  LOGIN_RATE_LIMIT: "1000000",
  /** Every public registration of the load comes from 127.0.0.1 through one link (default 100 a minute). */
  REGISTRATION_RATE_LIMIT: "1000000",
  /** Room for the check that imports beyond the default queue are taken (checks.ts). */
  IMPORT_QUEUE: "100",
  BENCH_COUNT_QUERIES: "1",
} as const;

export async function startApp(
  label: string,
  env: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<ServerProcess> {
  if (!existsSync(join(root, "dist/web/index.html"))) throw new Error("dist/web is missing: run `npm run build`.");
  const port = await freePort();
  // BENCH_APP_NODE_ARGS: node's arguments for the app's processes only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  return start(
    label,
    "src/server/main.ts",
    { ...benchSettings, ...env, ...extra, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    port,
    nodeArgs,
  );
}

export async function startFloor(env: Record<string, string>, floorFile: string): Promise<ServerProcess> {
  const port = await freePort();
  return start("floor server", "bench/floor-server.ts", { ...env, PORT: String(port), FLOOR_FILE: floorFile }, port);
}

/** Samples the server's resident memory every 20 ms while `work` runs; the highest value seen. */
export async function peakRss<T>(server: ServerProcess, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = server.rss();
  let failed: unknown = null;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.rss());
    } catch (error) {
      failed ??= error;
    }
  }, 20);
  try {
    const result = await work();
    if (failed) throw failed;
    return { result, peak: Math.max(peak, server.rss()) };
  } finally {
    clearInterval(timer);
  }
}
