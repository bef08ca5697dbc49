import type { FastifyInstance } from "fastify";
import { loginBody, meSchema, sessionSchema, switchTrustBody, updateMeBody } from "../../../contracts/auth.ts";
import { errorSchema, okSchema } from "../../../contracts/common.ts";
import type { Config } from "../../config.ts";
import { actorOf, clearSessionCookie, setSessionCookie } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import { RateLimited } from "./auth.errors.ts";
import type { AuthUsecases } from "./auth.usecases.ts";

/**
 * With TRUST_PROXY=0 the app sees the proxy's address for everyone behind it, so sign-in throttling
 * by address holds them all back together: say so, once, at the first request that came through one.
 */
export function warnOnForwardedForWithoutTrustProxy(app: FastifyInstance, config: Config): void {
  if (config.trustProxy) return;
  let warned = false;
  app.addHook("onRequest", async (req) => {
    if (warned || req.headers["x-forwarded-for"] === undefined) return;
    warned = true;
    app.log.warn(
      "A request carried X-Forwarded-For while TRUST_PROXY=0: every client behind that proxy shares its address, also for sign-in throttling. Set TRUST_PROXY=1 when the app runs behind a load balancer.",
    );
  });
}

export function authRoutes(deps: { auth: AuthUsecases; config: Config }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post(
      "/api/auth/login",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Sign in with e-mail and password",
          body: loginBody,
          response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
        },
      },
      async (req, reply) => {
        try {
          const { token, me } = await deps.auth.login({ ...req.body, ip: req.ip, requestId: req.id });
          setSessionCookie(reply, deps.config, token);
          return me;
        } catch (error) {
          if (error instanceof RateLimited) reply.header("retry-after", String(error.retryAfterSeconds));
          throw error;
        }
      },
    );
    app.post(
      "/api/auth/logout",
      {
        config: { access: "signed_in" },
        schema: { tags: ["auth"], summary: "Sign out", response: { 200: okSchema, 401: errorSchema } },
      },
      async (req, reply) => {
        await deps.auth.logout(actorOf(req));
        clearSessionCookie(reply, deps.config);
        return { ok: true as const };
      },
    );
    app.get(
      "/api/auth/me",
      {
        config: { access: "signed_in" },
        schema: {
          tags: ["auth"],
          summary: "The signed-in person and all their memberships",
          response: { 200: meSchema, 401: errorSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return deps.auth.me(actor.userId, actor.trustId);
      },
    );
    app.get(
      "/api/auth/session",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "The signed-in person, or null when nobody is signed in (the web app's session probe)",
          response: { 200: sessionSchema },
        },
      },
      async (req) => ({ me: req.actor ? await deps.auth.me(req.actor.userId, req.actor.trustId) : null }),
    );
    app.patch(
      "/api/auth/me",
      {
        config: { access: "signed_in" },
        schema: {
          tags: ["auth"],
          summary: "Choose the UI language and how notifications come by e-mail",
          body: updateMeBody,
          response: { 200: meSchema, ...authErrors },
        },
      },
      async (req) => deps.auth.updatePreferences(actorOf(req), req.body),
    );
    app.post(
      "/api/auth/trust",
      {
        config: { access: "signed_in" },
        schema: {
          tags: ["auth"],
          summary: "Switch the active trust",
          body: switchTrustBody,
          response: { 200: meSchema, ...authErrors },
        },
      },
      async (req) => deps.auth.switchTrust(actorOf(req), req.body.trustId),
    );
  };
}
