import type { FastifyInstance } from "fastify";
import {
  learningPortalBatchBody,
  learningPortalBatchSchema,
  learningPortalListSchema,
  learningPortalMarkBody,
  learningPortalMarkResponse,
  learningPortalQuery,
} from "../../../contracts/learning-portal.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { LearningPortalUsecases } from "./learning-portal.usecases.ts";

/** Læringsportalen users: the list of who needs one, FOU's batch e-mail, and marking users created. */
export function learningPortalRoutes({ learningPortal }: { learningPortal: LearningPortalUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["learning-portal"];
    app.get(
      "/api/learning-portal",
      {
        config: { access: "learningPortal.read" },
        schema: {
          tags,
          summary: "The students of current and coming placements who need a Læringsportalen user made by hand",
          description:
            "One line per person of the caller's trust (international students without a Norwegian national ID, and D-number holders where the trust's setting says so) whose placement ends today or later (Europe/Oslo): name, e-mail address, home institution, the first such placement, the state needed → requested → created and the batch they went in. Filtered by `state`, `institutionId` and `q`, sorted and paged. No national ID or D-number in it. `address` is the trust's Læringsportalen address (null until set).",
          querystring: learningPortalQuery,
          response: { 200: learningPortalListSchema, ...authErrors },
        },
      },
      async (req) => learningPortal.list(actorOf(req), req.query),
    );
    app.post(
      "/api/learning-portal/batches",
      {
        config: { access: "learningPortal.send" },
        schema: {
          tags,
          summary: "Send one e-mail to the trust's Læringsportalen address with these persons (or every one needed)",
          description:
            "Names, e-mail addresses, home institutions and placement dates, never an ID number; through the outbox. Refused until the trust's address is set (409 `learning_portal.no_address`), for a batch with no one in it (409 `learning_portal.empty_batch`), for a person who needs no user (409 `learning_portal.not_needed`) or is already requested (409 `learning_portal.already_requested`); another trust's person is 404. The persons become `requested`.",
          body: learningPortalBatchBody,
          response: { 201: learningPortalBatchSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await learningPortal.sendBatch(actorOf(req), req.body)),
    );
    app.post(
      "/api/learning-portal/mark-created",
      {
        config: { access: "learningPortal.send" },
        schema: {
          tags,
          summary: "Mark the persons' Læringsportalen users created",
          description:
            "Requested (or needed) → created, all or nothing. A user marked created before is 409 `learning_portal.already_created`; another trust's person is 404.",
          body: learningPortalMarkBody,
          response: { 200: learningPortalMarkResponse, ...authErrors },
        },
      },
      async (req) => learningPortal.markCreated(actorOf(req), req.body),
    );
  };
}
