import type { FastifyInstance } from "fastify";
import type { Clock } from "../../shared/clock.ts";
import { tooManyUnknownLinks } from "./registrations.errors.ts";

/**
 * How often one address may call the public registration routes. A valid campaign's form takes a
 * whole class from one network at study start (well over 60 a minute), then 429 with Retry-After
 * (@fastify/rate-limit, per address and link). Links nobody issued are guessed: after
 * `unknownLinks.max` answers 404 `registration.link_not_found` in `unknownLinks.windowMs`, the
 * address gets 429 on every public registration route until the oldest of them is that old.
 * The counts live in this process (like @fastify/rate-limit's default store).
 */
export const publicLimits = {
  registrations: { max: 100, timeWindow: 60_000 },
  reads: { max: 120, timeWindow: 60_000 },
  resend: { max: 10, timeWindow: 15 * 60_000 },
  unknownLinks: { max: 20, windowMs: 15 * 60_000 },
};

/** The per-route `rateLimit` config of a route keyed by address and the link's token. */
export const perLink = (limit: { max: number; timeWindow: number }) => ({
  rateLimit: {
    ...limit,
    keyGenerator: (req: { ip: string; params: unknown }) =>
      `${req.ip}:${(req.params as { token?: string }).token ?? ""}`,
  },
});

/** Counts each address's answers for unknown links in the plugin, and refuses the address past the limit. */
export function limitUnknownLinks(app: FastifyInstance, clock: Clock) {
  const failures = new Map<string, number[]>();
  const recent = (ip: string, now: number) => {
    const kept = (failures.get(ip) ?? []).filter((at) => at > now - publicLimits.unknownLinks.windowMs);
    if (kept.length > 0) failures.set(ip, kept);
    else failures.delete(ip);
    return kept;
  };
  app.addHook("onRequest", async (req, reply) => {
    const now = clock.now().getTime();
    const kept = recent(req.ip, now);
    if (kept.length < publicLimits.unknownLinks.max) return;
    const retryAfter = Math.max(1, Math.ceil(((kept[0] as number) + publicLimits.unknownLinks.windowMs - now) / 1000));
    reply.header("retry-after", String(retryAfter));
    throw tooManyUnknownLinks(retryAfter);
  });
  app.addHook("onSend", async (req, reply, payload) => {
    if (reply.statusCode === 404 && typeof payload === "string" && payload.includes('"registration.link_not_found"')) {
      const now = clock.now().getTime();
      failures.set(req.ip, [...recent(req.ip, now), now]);
    }
    return payload;
  });
}
