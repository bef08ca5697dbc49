import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { idParams, okSchema } from "../../../contracts/common.ts";
import {
  createIdentityProviderBody,
  identityProviderSchema,
  oidcCallbackQuery,
  oidcStartQuery,
  signInProviderSchema,
  updateIdentityProviderBody,
} from "../../../contracts/identity-providers.ts";
import type { Config } from "../../config.ts";
import { actorOf, setSessionCookie } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import { OidcSignInError, oidcFailure } from "./identity-providers.errors.ts";
import type { IdentityProvidersUsecases } from "./identity-providers.usecases.ts";
import { oidcLoginTtlMs } from "./identity-providers.usecases.ts";

/** The state of the sign-in this browser started: the callback must come back to the same browser. */
const stateCookie = "pt_oidc_state";
const cookiePath = "/api/auth/oidc";
const signInPage = "/logg-inn";

const redirect = z.null().describe("A redirect (302): the Location header says where.");

export function identityProvidersRoutes(deps: { identityProviders: IdentityProvidersUsecases; config: Config }) {
  const { identityProviders: providers, config } = deps;

  /** Sends the browser back to the sign-in page with a code it translates; the reason goes to the log only. */
  function failed(req: FastifyRequest, reply: FastifyReply, err: unknown) {
    const failure = err instanceof OidcSignInError ? err : oidcFailure("oidc.failed", "unexpected error");
    if (err instanceof OidcSignInError)
      req.log.info({ code: failure.code, reason: failure.reason }, "OIDC sign-in refused");
    else req.log.error({ err }, "OIDC sign-in failed");
    return reply.redirect(`${signInPage}?feil=${encodeURIComponent(failure.code)}`, 302);
  }

  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);

    app.get(
      "/api/auth/providers",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Identity providers to sign in through (the sign-in page's buttons)",
          response: { 200: z.array(signInProviderSchema) },
        },
      },
      async () => providers.listForSignIn(),
    );

    app.get(
      "/api/auth/oidc/:id/start",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Start signing in through an identity provider: redirects to it",
          description:
            "Redirects (302) to the provider's authorization endpoint (code flow with PKCE S256, state and nonce). " +
            "On failure redirects to `/logg-inn?feil=<code>`. `returnTo` is a path of this app to land on afterwards.",
          params: idParams,
          querystring: oidcStartQuery,
          response: { 302: redirect, 400: authErrors[400] },
        },
      },
      async (req, reply) => {
        try {
          const { url, state } = await providers.startSignIn({
            providerId: req.params.id,
            returnTo: req.query.returnTo,
          });
          reply.setCookie(stateCookie, state, {
            path: cookiePath,
            httpOnly: true,
            sameSite: "lax",
            secure: config.secureCookies,
            maxAge: oidcLoginTtlMs / 1000,
          });
          return reply.redirect(url, 302);
        } catch (err) {
          return failed(req, reply, err);
        }
      },
    );

    app.get(
      "/api/auth/oidc/callback",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "The identity providers' redirect URI: completes the sign-in",
          description:
            "Checks the state (once), exchanges the code, opens a session and redirects (302) to `/` (or the `returnTo` " +
            "given at the start). On failure redirects to `/logg-inn?feil=<code>`: oidc.unknown_user, oidc.user_deactivated, " +
            "oidc.state_invalid, oidc.cancelled, oidc.provider_unavailable or oidc.failed.",
          querystring: oidcCallbackQuery,
          response: { 302: redirect },
        },
      },
      async (req, reply) => {
        reply.clearCookie(stateCookie, {
          path: cookiePath,
          httpOnly: true,
          sameSite: "lax",
          secure: config.secureCookies,
        });
        try {
          const queryAt = req.url.indexOf("?");
          const { token, returnTo } = await providers.completeSignIn({
            query: req.query,
            search: queryAt >= 0 ? req.url.slice(queryAt) : "",
            browserState: req.cookies[stateCookie],
            requestId: req.id,
          });
          setSessionCookie(reply, config, token);
          return reply.redirect(returnTo, 302);
        } catch (err) {
          return failed(req, reply, err);
        }
      },
    );

    const tags = ["identity-providers"];
    app.get(
      "/api/identity-providers",
      {
        config: { access: "identityProviders.manage" },
        schema: {
          tags,
          summary: "The trust's identity providers (client secrets are never shown)",
          response: { 200: z.array(identityProviderSchema), ...authErrors },
        },
      },
      async (req) => providers.list(actorOf(req)),
    );
    app.post(
      "/api/identity-providers",
      {
        config: { access: "identityProviders.manage" },
        schema: {
          tags,
          summary: "Add an identity provider (Entra ID or Feide) for the trust",
          body: createIdentityProviderBody,
          response: { 201: identityProviderSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await providers.create(actorOf(req), req.body)),
    );
    app.patch(
      "/api/identity-providers/:id",
      {
        config: { access: "identityProviders.manage" },
        schema: {
          tags,
          summary: "Change an identity provider; a client secret given replaces the old one",
          params: idParams,
          body: updateIdentityProviderBody,
          response: { 200: identityProviderSchema, ...authErrors },
        },
      },
      async (req) => providers.update(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/identity-providers/:id",
      {
        config: { access: "identityProviders.manage" },
        schema: {
          tags,
          summary: "Remove an identity provider and the sign-ins linked through it",
          params: idParams,
          response: { 200: okSchema, ...authErrors },
        },
      },
      async (req) => {
        await providers.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
