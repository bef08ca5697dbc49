import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { errorSchema } from "../../../contracts/common.ts";
import { oidcCallbackQuery } from "../../../contracts/identity-providers.ts";
import { idportenIdentitySchema } from "../../../contracts/registrations-public.ts";
import type { Config } from "../../config.ts";
import { typed } from "../../shared/routes.ts";
import type { IdportenUsecases } from "./idporten.usecases.ts";
import { IdportenSignInError, idportenFailure } from "./idporten-failure.ts";
import { idportenLoginTtlMs } from "./idporten-identities.ts";

/**
 * This browser's sign-in: `<state>.<token of the form it started from>`, so the callback checks the
 * state and knows which form to go back to. Only sent to the callback.
 */
const cookieName = "pt_idporten";
const cookiePath = "/api/public/idporten";
const tokenPattern = /^[\w-]{20,100}$/;
const tokenParams = z.object({ token: z.string().regex(tokenPattern) });

const redirect = z.null().describe("A redirect (302): the Location header says where.");

function parseCookie(value: string | undefined): { state?: string; formToken?: string } {
  const at = value?.lastIndexOf(".") ?? -1;
  if (!value || at <= 0) return {};
  const formToken = value.slice(at + 1);
  return { state: value.slice(0, at), formToken: tokenPattern.test(formToken) ? formToken : undefined };
}

export function idportenRoutes(deps: { idporten: IdportenUsecases; config: Config }) {
  const { idporten, config } = deps;
  const cookieOptions = { path: cookiePath, httpOnly: true, sameSite: "lax" as const, secure: config.secureCookies };

  /** Back to the form with a code it translates (the typed form stays); the reason goes to the log only. */
  function failed(req: FastifyRequest, reply: FastifyReply, formToken: string | undefined, err: unknown) {
    const failure = err instanceof IdportenSignInError ? err : idportenFailure("idporten.failed", "unexpected error");
    if (err instanceof IdportenSignInError)
      req.log.info({ code: failure.code, reason: failure.reason }, "ID-porten refused");
    else req.log.error({ err }, "ID-porten sign-in failed");
    const form = formToken ? `/registrer/${formToken}` : "/registrer";
    return reply.redirect(`${form}?idporten-feil=${encodeURIComponent(failure.code)}`, 302);
  }

  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["public"];

    app.get(
      "/api/public/campaigns/:token/idporten",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "Start signing in with ID-porten from a campaign's form: redirects to ID-porten",
          description:
            "Redirects (302) to ID-porten (code flow with PKCE S256, state and nonce). `token` is the campaign's or a " +
            "personal link's. On failure redirects back to `/registrer/<token>?idporten-feil=<code>`; an unknown token is 404.",
          params: tokenParams,
          response: { 302: redirect, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        try {
          const { url, state } = await idporten.start(req.params.token);
          reply.setCookie(cookieName, `${state}.${req.params.token}`, {
            ...cookieOptions,
            maxAge: idportenLoginTtlMs / 1000,
          });
          return reply.redirect(url, 302);
        } catch (err) {
          if (!(err instanceof IdportenSignInError)) throw err;
          return failed(req, reply, req.params.token, err);
        }
      },
    );

    app.get(
      "/api/public/idporten/callback",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "ID-porten's redirect URI: comes back to the form with what was verified",
          description:
            "Checks the state (once), exchanges the code and redirects (302) to `/registrer/<token>?idporten=<one-time token>`; " +
            "never signs anyone in. On failure redirects to `/registrer/<token>?idporten-feil=<code>`: idporten.state_invalid, " +
            "idporten.cancelled, idporten.unavailable or idporten.failed.",
          querystring: oidcCallbackQuery,
          response: { 302: redirect },
        },
      },
      async (req, reply) => {
        const { state, formToken } = parseCookie(req.cookies[cookieName]);
        reply.clearCookie(cookieName, cookieOptions);
        try {
          const queryAt = req.url.indexOf("?");
          const oneTime = await idporten.complete({
            query: req.query,
            search: queryAt >= 0 ? req.url.slice(queryAt) : "",
            browserState: formToken ? state : undefined,
          });
          return reply.redirect(`/registrer/${formToken}?idporten=${encodeURIComponent(oneTime)}`, 302);
        } catch (err) {
          return failed(req, reply, formToken, err);
        }
      },
    );

    app.get(
      "/api/public/idporten/:token",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "What ID-porten verified, for the form to show (the national ID masked)",
          description:
            "`token` is the one-time token of the callback's redirect; it stays usable for the registration.",
          params: tokenParams,
          response: { 200: idportenIdentitySchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => idporten.identity(req.params.token),
    );
  };
}
