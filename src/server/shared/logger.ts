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

/** pino's error serializer, with national IDs masked in the message, stack and other fields. */
function serializeError(err: Error) {
  const serialized = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in serialized) out[key] = maskDeep(serialized[key]);
  return out;
}

/**
 * The logger's options. Besides the redacted paths, national IDs never reach the log: they are
 * masked (`010190 *****`) in the message after its arguments are filled in (a serializer of the
 * message key, which pino applies to every line), in the logged object's strings and numbers
 * (`formatters.log`), and in the requests and errors that their serializers write.
 */
export function pinoOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { req: serializeRequest, err: serializeError, msg: maskDeep },
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
  };
}

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return pinoOptions(level);
}
