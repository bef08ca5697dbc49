import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Comma-separated origins (`http://localhost:5173`): scheme, host and port, no path; empty for none. */
const originList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine((o) => {
          const url = URL.canParse(o) ? new URL(o) : null;
          return (
            /^https?:$/.test(url?.protocol ?? "") && url?.pathname === "/" && !url.search && !url.hash && !url.username
          );
        }, "each must be an origin such as http://localhost:5173, without a path")
        .transform((o) => new URL(o).origin),
    ),
  );

/**
 * The one validated configuration. Every setting is documented here and in the README's
 * configuration table; secrets have no defaults outside the embedded demo.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  DEMO_DATA: z.enum(["0", "1"]).optional(),
  DEMO_PASSWORD: z.string().min(8).default("demo-passord"),
  PUBLIC_URL: z.string().url().optional(),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().positive().default(100),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Praksistilgang <ikke-svar@praksistilgang.no>"),
  NOTIFICATION_BATCH_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  IMPORT_QUEUE: z.coerce.number().int().min(0).max(100).default(8),
  DEV_ORIGINS: originList,
  BENCH_COUNT_QUERIES: z.enum(["0", "1"]).default("0"),
});

export type DatabaseKind = "pglite" | "postgres";

export interface Config {
  port: number;
  host: string;
  database: { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };
  /** Whether demo data is filled in when the database is empty. */
  demoData: boolean;
  demoPassword: string;
  publicUrl: string;
  /** true when the app is reached over HTTPS: the session cookie gets `Secure`. */
  secureCookies: boolean;
  encryptionKey: Buffer;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: boolean;
  session: { idleMs: number; absoluteMs: number };
  /** Failed sign-ins of one account before further attempts from addresses that failed for it wait (1, 2, 4 … 60 s); an address gets five times as many across accounts. */
  loginRateLimit: number;
  /** Registrations a minute from one address through one link (the public form) before 429 with Retry-After. */
  registrationRateLimit: number;
  /** E-mail: sent over SMTP when `smtpUrl` is set, otherwise kept in the outbox (the dev mailbox). */
  mail: { smtpUrl: string | null; from: string };
  /** How long changes to one document are gathered into one notification and e-mail per person, from the first. */
  notificationBatchMs: number;
  /** Excel imports: workbooks parsed at once (worker threads) and how many may wait for one. */
  imports: { concurrency: number; queue: number };
  /** Origins besides `publicUrl`'s that may send state-changing requests (the Vite dev server's). */
  devOrigins: string[];
  /** Benchmark mode (set by `npm run bench` only): SQL statements counted per request, answered in `x-bench-queries`. */
  countQueries: boolean;
}

export class ConfigError extends Error {}

function decodeKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) {
    throw new ConfigError(
      "DATA_ENCRYPTION_KEY must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`.",
    );
  }
  return key;
}

/** The embedded default keeps a generated key next to its database, readable by the owner only. */
function embeddedKey(dataDir: string): Buffer {
  const file = join(dataDir, "encryption.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, "utf8"));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const onPostgres = e.DATABASE_URL !== undefined;
  if (onPostgres && !e.DATA_ENCRYPTION_KEY) {
    throw new ConfigError(
      "DATA_ENCRYPTION_KEY is required with DATABASE_URL: 32 random bytes in base64 (`openssl rand -base64 32`).",
    );
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    database: onPostgres
      ? { kind: "postgres", url: e.DATABASE_URL as string }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    demoData: e.DEMO_DATA ? e.DEMO_DATA === "1" : !onPostgres,
    demoPassword: e.DEMO_PASSWORD,
    publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    encryptionKey: e.DATA_ENCRYPTION_KEY ? decodeKey(e.DATA_ENCRYPTION_KEY) : embeddedKey(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === "1",
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    registrationRateLimit: e.REGISTRATION_RATE_LIMIT,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    notificationBatchMs: e.NOTIFICATION_BATCH_MINUTES * 60_000,
    imports: { concurrency: e.IMPORT_CONCURRENCY, queue: e.IMPORT_QUEUE },
    devOrigins: e.DEV_ORIGINS,
    countQueries: e.BENCH_COUNT_QUERIES === "1",
  };
}
