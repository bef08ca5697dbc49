import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  accessibilityContactsSchema,
  createTrustBody,
  trustSettingsSchema,
  updateTrustSettingsBody,
} from "../../../contracts/trusts.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { TrustsUsecases } from "./trusts.usecases.ts";

export function trustsRoutes({ trusts }: { trusts: TrustsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["trusts"];
    app.get(
      "/api/trust/settings",
      {
        config: { access: "trust.settings" },
        schema: { tags, summary: "The active trust's settings", response: { 200: trustSettingsSchema, ...authErrors } },
      },
      async (req) => trusts.getSettings(actorOf(req)),
    );
    app.patch(
      "/api/trust/settings",
      {
        config: { access: "trust.settings" },
        schema: {
          tags,
          summary: "Change the active trust's settings",
          body: updateTrustSettingsBody,
          response: { 200: trustSettingsSchema, ...authErrors },
        },
      },
      async (req) => trusts.updateSettings(actorOf(req), req.body),
    );
    app.get(
      "/api/public/accessibility-contacts",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "Whom to tell about accessibility problems, per trust that has set it (public: the statement)",
          response: { 200: accessibilityContactsSchema },
        },
      },
      async () => trusts.accessibilityContacts(),
    );
    app.get(
      "/api/trusts",
      {
        config: { access: "trusts.manage" },
        schema: {
          tags,
          summary: "Every trust (system administrators)",
          response: { 200: z.array(trustSettingsSchema), ...authErrors },
        },
      },
      async (req) => trusts.list(actorOf(req)),
    );
    app.post(
      "/api/trusts",
      {
        config: { access: "trusts.manage" },
        schema: {
          tags,
          summary: "Create a trust with its first admin (system administrators)",
          body: createTrustBody,
          response: { 201: trustSettingsSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await trusts.create(actorOf(req), req.body)),
    );
  };
}
