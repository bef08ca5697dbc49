import type { FastifyInstance } from "fastify";
import { devMailboxSchema } from "../../../contracts/outbox.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { OutboxUsecases } from "./outbox.usecases.ts";

export function outboxRoutes({ outbox }: { outbox: OutboxUsecases }) {
  return async (fastify: FastifyInstance) => {
    typed(fastify).get(
      "/api/dev-mailbox",
      {
        config: { access: "devMailbox.read" },
        schema: {
          tags: ["outbox"],
          summary: "E-mail of the active trust, newest first: kept messages when SMTP_URL is not set",
          response: { 200: devMailboxSchema, ...authErrors },
        },
      },
      async (req) => outbox.devMailbox(actorOf(req)),
    );
  };
}
