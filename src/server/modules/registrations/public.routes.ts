import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errorSchema } from "../../../contracts/common.ts";
import {
  publicCampaignSchema,
  publicConfirmationResponse,
  publicRegistrationBody,
  publicRegistrationResponse,
  publicRegistrationSchema,
  publicResendBody,
  publicResendResponse,
  updatePublicRegistrationBody,
} from "../../../contracts/registrations-public.ts";
import type { Clock } from "../../shared/clock.ts";
import { typed } from "../../shared/routes.ts";
import type { PersonalPageUsecases } from "./personal-page.usecases.ts";
import type { PublicRegistrationUsecases } from "./public.usecases.ts";
import { limitUnknownLinks, perLink, publicLimits } from "./public-limits.ts";

const tokenParams = z.object({ token: z.string().max(200) });
const publicErrors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 429: errorSchema };
/** A form's body is small: anything larger is refused before it is read. */
export const publicBodyLimit = 16 * 1024;

/**
 * The students' side, without an account: the campaign's form, registering, confirming.
 * `registrationsPerMinute` (REGISTRATION_RATE_LIMIT) replaces `publicLimits.registrations.max`.
 */
export function publicRegistrationRoutes({
  registrations,
  personalPage,
  clock,
  registrationsPerMinute = publicLimits.registrations.max,
}: {
  registrations: PublicRegistrationUsecases;
  personalPage: PersonalPageUsecases;
  clock: Clock;
  registrationsPerMinute?: number;
}) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(rateLimit, { global: false });
    limitUnknownLinks(fastify, clock);
    const app = typed(fastify);
    const tags = ["registration (public)"];
    app.get(
      "/api/public/campaigns/:token",
      {
        config: { access: "public", ...perLink(publicLimits.reads) },
        schema: {
          tags,
          summary: "What the registration form needs of a campaign (a campaign's or a personal link's token)",
          params: tokenParams,
          response: { 200: publicCampaignSchema, ...publicErrors },
        },
      },
      async (req) => registrations.getCampaign(req.params.token),
    );
    app.post(
      "/api/public/campaigns/:token/registrations",
      {
        config: { access: "public", ...perLink({ ...publicLimits.registrations, max: registrationsPerMinute }) },
        bodyLimit: publicBodyLimit,
        schema: {
          tags,
          summary: "Register (the same answer whether or not the national ID or e-mail is known)",
          params: tokenParams,
          body: publicRegistrationBody,
          response: { 202: publicRegistrationResponse, ...publicErrors },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await registrations.submit(req.params.token, req.body, { requestId: req.id })),
    );
    app.post(
      "/api/public/confirmations/:token",
      {
        config: { access: "public", ...perLink(publicLimits.reads) },
        bodyLimit: publicBodyLimit,
        schema: {
          tags,
          summary: "Confirm the e-mail address, or a waiting change, from the link in the e-mail (one-time)",
          params: tokenParams,
          response: { 200: publicConfirmationResponse, ...publicErrors },
        },
      },
      async (req) => registrations.confirm(req.params.token, req.id),
    );
    app.get(
      "/api/public/registrations/:token",
      {
        config: { access: "public", ...perLink(publicLimits.reads) },
        schema: {
          tags,
          summary: "The student's own page: the state of the registration (from the personal link)",
          params: tokenParams,
          response: { 200: publicRegistrationSchema, ...publicErrors },
        },
      },
      async (req) => personalPage.get(req.params.token),
    );
    app.patch(
      "/api/public/registrations/:token",
      {
        config: { access: "public", ...perLink(publicLimits.reads) },
        bodyLimit: publicBodyLimit,
        schema: {
          tags,
          summary: "Correct the contact details until the deadline (a new e-mail address is confirmed again)",
          params: tokenParams,
          body: updatePublicRegistrationBody,
          response: { 200: publicRegistrationSchema, ...publicErrors },
        },
      },
      async (req) => personalPage.update(req.params.token, req.body, req.id),
    );
    app.post(
      "/api/public/resend",
      {
        config: { access: "public", rateLimit: publicLimits.resend },
        bodyLimit: publicBodyLimit,
        schema: {
          tags,
          summary: "New links to the address on record (the same answer whether or not the address is known)",
          body: publicResendBody,
          response: { 202: publicResendResponse, ...publicErrors },
        },
      },
      async (req, reply) => reply.code(202).send(await personalPage.resend(req.body)),
    );
  };
}
