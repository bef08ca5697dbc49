import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { allowsCaller, type PolicyName } from "../../contracts/policies.ts";
import type { Config } from "../config.ts";
import { type AuthUsecases, badOrigin } from "../modules/auth/auth.public.ts";
import type { Actor } from "../shared/actor.ts";
import { forbidden, unauthenticated } from "../shared/errors.ts";

export const sessionCookie = "pt_session";

/**
 * Who may call a route, declared on the route itself (`config: { access }`): anyone, anyone signed
 * in, or the holders of a named policy (src/contracts/policies.ts). Checked before the body is even
 * validated: anonymous callers get 401, callers without the policy 403. Use-cases check the policy
 * again and scope every query; the isolation matrix test reads these declarations.
 */
export type Access = "public" | "signed_in" | PolicyName;

declare module "fastify" {
  interface FastifyRequest {
    actor: (Actor & { tokenHash: string }) | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves the session cookie into `req.actor` and refuses state changes from other sites: an
 * `Origin` other than `PUBLIC_URL`'s or one of `DEV_ORIGINS` (never what the `Host` header claims,
 * which the caller chooses), or no `Origin` with `Sec-Fetch-Site: cross-site`.
 */
export function registerSession(app: FastifyInstance, deps: { config: Config; auth: AuthUsecases }): void {
  const allowedOrigins = new Set([new URL(deps.config.publicUrl).origin, ...deps.config.devOrigins]);
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    if (unsafeMethods.has(req.method)) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) throw badOrigin();
      if (origin === undefined && req.headers["sec-fetch-site"] === "cross-site") throw badOrigin();
    }
    const token = req.cookies[sessionCookie];
    if (token) req.actor = await deps.auth.authenticate(token, req.id);
    if (!req.routeOptions.url) return;
    const access = req.routeOptions.config.access ?? "signed_in";
    if (access === "public") return;
    if (!req.actor) throw unauthenticated();
    if (access !== "signed_in" && !allowsCaller(req.actor, access)) throw forbidden();
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: Math.floor(config.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookie, { path: "/", httpOnly: true, sameSite: "lax", secure: config.secureCookies });
}

/** The signed-in caller; 401 for anonymous requests. */
export function actorOf(req: FastifyRequest): Actor & { tokenHash: string } {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
