import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  accountRequestBody,
  accountRequestListQuery,
  accountRequestSchema,
  accountRequestSubmittedSchema,
  declineBody,
  declinedAccountRequestSchema,
  publicTrustsSchema,
  setPasswordBody,
} from "../../../contracts/account-requests.ts";
import { errorSchema, idParams, okSchema } from "../../../contracts/common.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { AccountRequestsUsecases } from "./account-requests.usecases.ts";

/** Public forms are throttled per address: a few requests an hour is plenty for a person. */
const publicLimit = { rateLimit: { max: 10, timeWindow: "1 hour" } };

export function accountRequestsRoutes({ accountRequests }: { accountRequests: AccountRequestsUsecases }) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(rateLimit, { global: false });
    const app = typed(fastify);
    const tags = ["account requests"];
    app.get(
      "/api/public/trusts",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "Trusts and their institutions, for the account request form",
          response: { 200: publicTrustsSchema },
        },
      },
      async () => accountRequests.publicTrusts(),
    );
    app.post(
      "/api/account-requests",
      {
        config: { access: "public", ...publicLimit },
        schema: {
          tags,
          summary: "Ask a trust's admins for an account (public; the answer never tells whether the e-mail is known)",
          body: accountRequestBody,
          response: { 202: accountRequestSubmittedSchema, 400: errorSchema, 404: errorSchema, 429: errorSchema },
        },
      },
      async (req, reply) =>
        reply.code(202).send({ ok: true as const, notices: await accountRequests.submit(req.body, req.id) }),
    );
    app.get(
      "/api/account-requests",
      {
        config: { access: "accountRequests.review" },
        schema: {
          tags,
          summary: "The trust's account requests, newest first",
          querystring: accountRequestListQuery,
          response: { 200: z.array(accountRequestSchema), ...authErrors },
        },
      },
      async (req) => accountRequests.list(actorOf(req), req.query.status),
    );
    app.post(
      "/api/account-requests/:id/approve",
      {
        config: { access: "accountRequests.review" },
        schema: {
          tags,
          summary: "Approve: create the person with the role and invite them",
          params: idParams,
          response: { 200: accountRequestSchema, ...authErrors },
        },
      },
      async (req) => accountRequests.approve(actorOf(req), req.params.id),
    );
    app.post(
      "/api/account-requests/:id/decline",
      {
        config: { access: "accountRequests.review" },
        schema: {
          tags,
          summary: "Decline with a reason sent to the person (national IDs in it masked)",
          params: idParams,
          body: declineBody,
          response: { 200: declinedAccountRequestSchema, ...authErrors },
        },
      },
      async (req) => accountRequests.decline(actorOf(req), req.params.id, req.body.reason),
    );
    app.post(
      "/api/auth/set-password",
      {
        config: { access: "public", ...publicLimit },
        schema: {
          tags,
          summary: "Set a password with the one-time link of an invitation",
          body: setPasswordBody,
          response: { 200: okSchema, 400: errorSchema, 429: errorSchema },
        },
      },
      async (req) => accountRequests.setPassword(req.body, req.id),
    );
  };
}
