import type { FastifyInstance } from "fastify";
import { nulCharacter } from "./plugins.errors.ts";

/** How deep a body is walked; deeper values are not looked at (the schemas allow far less). */
const maxDepth = 16;

/** The dotted path (`rows.0.lastName`) of the first string or key holding a NUL character, else null. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (value === null || typeof value !== "object" || path.length >= maxDepth || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes("\u0000")) return path.join(".");
    const found = nulPath(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a request whose JSON body, query or path parameters hold a NUL character (U+0000):
 * PostgreSQL text cannot store it, so it would fail in the database. Runs after the session plugin
 * has checked who may call the route, before the schemas validate.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const path = nulPath(part);
      if (path !== null) throw nulCharacter(path);
    }
  });
}
