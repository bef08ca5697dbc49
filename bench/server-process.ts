import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The innermost process under `pid`: tsx starts the script in a child node process. */
function innermost(pid: number): number {
  const children = childrenOf(pid);
  return children.length > 0 ? innermost(children[0] as number) : pid;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
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
  const pid = child.pid as number;
  return {
    label,
    url,
    rss: () => rssOf(innermost(pid)),
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
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 20);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, server.rss()) };
  } finally {
    clearInterval(timer);
  }
}
