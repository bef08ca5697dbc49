import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  campaignListSchema,
  campaignSchema,
  campaignsQuery,
  createCampaignBody,
  createPersonalLinkBody,
  personalLinkSchema,
  updateCampaignBody,
} from "../../../contracts/registrations.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { CampaignsUsecases } from "./campaigns.usecases.ts";

const imageTypes = { svg: "image/svg+xml", png: "image/png" } as const;

/** FOU's registration campaigns; coordinators read their institutions' (`campaigns.read`). */
export function campaignsRoutes({ campaigns }: { campaigns: CampaignsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["registration"];
    app.post(
      "/api/campaigns",
      {
        config: { access: "campaigns.manage" },
        schema: {
          tags,
          summary: "Create a registration campaign for an institution, with a deadline",
          body: createCampaignBody,
          response: { 201: campaignSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await campaigns.create(actorOf(req), req.body)),
    );
    app.get(
      "/api/campaigns",
      {
        config: { access: "campaigns.read" },
        schema: {
          tags,
          summary: "The trust's campaigns (coordinators: their institutions'), filtered, sorted and paged",
          querystring: campaignsQuery,
          response: { 200: campaignListSchema, ...authErrors },
        },
      },
      async (req) => campaigns.list(actorOf(req), req.query),
    );
    app.get(
      "/api/campaigns/:id",
      {
        config: { access: "campaigns.read" },
        schema: {
          tags,
          summary: "One campaign with its public link and counts by state",
          params: idParams,
          response: { 200: campaignSchema, ...authErrors },
        },
      },
      async (req) => campaigns.get(actorOf(req), req.params.id),
    );
    app.patch(
      "/api/campaigns/:id",
      {
        config: { access: "campaigns.manage" },
        schema: {
          tags,
          summary: "Extend the deadline, rename, close early or reopen",
          params: idParams,
          body: updateCampaignBody,
          response: { 200: campaignSchema, ...authErrors },
        },
      },
      async (req) => campaigns.update(actorOf(req), req.params.id, req.body),
    );
    for (const format of ["svg", "png"] as const) {
      app.get(
        `/api/campaigns/:id/qr.${format}`,
        {
          config: { access: "campaigns.read" },
          schema: {
            tags,
            summary: `The public link as a QR code (${format.toUpperCase()})`,
            params: idParams,
            produces: [imageTypes[format]],
            response: authErrors,
          },
        },
        async (req, reply) => {
          const { body, fileName } = await campaigns.qr(actorOf(req), req.params.id, format);
          return reply
            .header("content-type", imageTypes[format])
            .header("content-disposition", attachment(fileName))
            .send(body as never);
        },
      );
    }
    app.post(
      "/api/campaigns/:id/personal-links",
      {
        config: { access: "campaigns.manage" },
        schema: {
          tags,
          summary: "A link for one late student that works after the deadline (shown once)",
          params: idParams,
          body: createPersonalLinkBody,
          response: { 201: personalLinkSchema, ...authErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await campaigns.createPersonalLink(actorOf(req), req.params.id, req.body)),
    );
  };
}
