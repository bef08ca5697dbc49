import type { FastifyServerOptions } from "fastify";

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

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return { level, redact: { paths: redactPaths, censor: "[redacted]" } };
}
