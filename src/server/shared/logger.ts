import type { FastifyServerOptions } from "fastify";
import pino from "pino";
import { maskNationalIdsInText } from "../../domain/free-text.ts";
import { hasValidNationalIdChecksum, maskNationalId } from "../../domain/national-id.ts";

/** Paths that may hold personal or secret values; the logger writes "[redacted]" instead. */
export const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.nationalId",
  "*.national_id",
  "*.fodselsnummer",
];

/** The free-text rule of the domain (`maskNationalIdsInText`): what counts as a national ID in a log line. */
const maskNationalIds = (text: string) => maskNationalIdsInText(text).text;

const maxDepth = 8;

/** A plain object, or one of the prototype-less dictionaries parsers make (Fastify's `req.query`). */
function isDictionary(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A copy of `value` with national IDs masked in every string, and in integers that are one (a
 * number cannot keep a leading zero, so 10 digits count too). Only plain objects and arrays are
 * walked; others (requests, errors) reach their serializers, which mask their output.
 */
function maskDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return maskNationalIds(value);
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 100_000_000 && value < 100_000_000_000) {
      const digits = String(value).padStart(11, "0");
      if (hasValidNationalIdChecksum(digits)) return maskNationalId(digits);
    }
    return value;
  }
  if (value === null || typeof value !== "object" || depth >= maxDepth || seen.has(value)) return value;
  if (!Array.isArray(value) && !isDictionary(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1, seen);
  return out;
}

/** Fastify's own request serializer (fastify/lib/logger-pino.js), with national IDs masked in the URL. */
function serializeRequest(req: {
  method: string;
  url: string;
  headers?: Record<string, unknown>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: maskNationalIds(req.url),
    version: req.headers?.["accept-version"],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** The fields of a database error that name what failed, never a value. */
const databaseErrorFields = ["code", "severity", "schema", "table", "column", "constraint", "routine"] as const;
type DatabaseErrorFields = Partial<Record<(typeof databaseErrorFields)[number], string>>;

/**
 * The PostgreSQL error in `err` or its causes: pg's and PGlite's `DatabaseError` carry a SQLSTATE
 * (`code`) and a `severity`; Drizzle wraps them in a `DrizzleQueryError` whose message holds the
 * query's parameters.
 */
export function databaseErrorOf(err: unknown): DatabaseErrorFields | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    const fields = e as Error & DatabaseErrorFields;
    if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code) && typeof fields.severity === "string") {
      return fields;
    }
    e = e.cause;
  }
  return null;
}

/** The frames of an error's stack without its first lines, which repeat the message; "" when they cannot be told apart. */
function framesOf(err: Error): string {
  const stack = err.stack ?? "";
  const head = err.message ? `${err.name}: ${err.message}` : err.name;
  if (!stack.startsWith(head)) return "";
  return stack
    .slice(head.length)
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
}

/**
 * A database error as the log may hold it: its SQLSTATE, where it happened (schema, table, column,
 * constraint) and the stack's frames. Never the message, detail or query: PostgreSQL's message and
 * detail quote values (`Key (email)=(…)`, `invalid input syntax for type date: "…"`) and Drizzle's
 * message lists the query's parameters.
 */
function serializeDatabaseError(err: Error, db: DatabaseErrorFields) {
  const out: Record<string, unknown> = { type: err.constructor.name, message: `database error ${db.code}` };
  for (const key of databaseErrorFields) if (db[key] !== undefined) out[key] = db[key];
  out.stack = framesOf(err);
  return out;
}

/**
 * pino's error serializer, with national IDs masked in the message, stack and other fields; a
 * database error (or an error caused by one) is reduced to {@link serializeDatabaseError}.
 */
function serializeError(err: Error) {
  const db = databaseErrorOf(err);
  if (db) return serializeDatabaseError(err, db);
  const serialized = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in serialized) out[key] = maskDeep(serialized[key]);
  return out;
}

/**
 * Gives a line logging a database error without a message of its own (`log.error(err)`,
 * `log.error({ err })`) the message `database error <SQLSTATE>`: pino would take the error's.
 */
function databaseErrorMessage(this: pino.Logger, args: Parameters<pino.LogFn>, method: pino.LogFn) {
  const [first] = args;
  const err = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
  const db = args.length === 1 ? databaseErrorOf(err) : null;
  if (db) return method.apply(this, [first, `database error ${db.code}`]);
  return method.apply(this, args);
}

/**
 * The logger's options. Besides the redacted paths, national IDs never reach the log: they are
 * masked (`010190 *****`) in the message after its arguments are filled in (a serializer of the
 * message key, which pino applies to every line), in the logged object's strings and numbers
 * (`formatters.log`), and in the requests and errors that their serializers write. Database errors
 * are written as their SQLSTATE and place only (`serializeDatabaseError`, `databaseErrorMessage`).
 */
export function pinoOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { req: serializeRequest, err: serializeError, msg: maskDeep },
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    hooks: { logMethod: databaseErrorMessage },
  };
}

/** Fastify's logger options; `stream` replaces standard output (tests read the lines). */
export function loggerOptions(level: string, stream?: pino.DestinationStream): FastifyServerOptions["logger"] {
  return stream ? { ...pinoOptions(level), stream } : pinoOptions(level);
}
