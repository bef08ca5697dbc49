import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errorSchema } from "../../../contracts/common.ts";
import {
  publicCampaignSchema,
  publicConfirmationResponse,
  publicRegistrationBody,
  publicRegistrationResponse,
} from "../../../contracts/registrations.ts";
import { typed } from "../../shared/routes.ts";
import type { PublicRegistrationUsecases } from "./public.usecases.ts";

const tokenParams = z.object({ token: z.string().max(200) });
const publicErrors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 429: errorSchema };
/** A form's body is small: anything larger is refused before it is read. */
export const publicBodyLimit = 16 * 1024;

/** The students' side, without an account: the campaign's form, registering, confirming. */
export function publicRegistrationRoutes({ registrations }: { registrations: PublicRegistrationUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["registration (public)"];
    app.get(
      "/api/public/campaigns/:token",
      {
        config: { access: "public" },
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
        config: { access: "public" },
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
        config: { access: "public" },
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
  };
}
