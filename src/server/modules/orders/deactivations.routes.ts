import type { FastifyInstance } from "fastify";
import {
  deactivationListSchema,
  deactivationsQuery,
  markDeactivatedBody,
  markDeactivatedResponse,
} from "../../../contracts/deactivations.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { DeactivationsUsecases } from "./deactivations.usecases.ts";

/** The deactivation list: the IT provider's (every trust it serves) and FOU's, as a page or a file, and marking it done. */
export function deactivationsRoutes({ deactivations }: { deactivations: DeactivationsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["deactivations"];
    app.get(
      "/api/deactivations",
      {
        config: { access: "deactivations.read" },
        schema: {
          tags,
          summary:
            "The deactivation list (lines whose access must end: removed rows, withdrawn students, ended placements), filtered, searched, sorted and paged; ?format=xlsx|csv downloads it (audited, no national ID)",
          querystring: deactivationsQuery,
          produces: [
            "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/csv",
          ],
          response: { 200: deactivationListSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { format } = req.query;
        if (!format) return deactivations.list(actor, req.query);
        const file = await deactivations.export(actor, { ...req.query, format });
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", attachment(file.fileName))
          .header("cache-control", "no-store")
          .send(file.buffer as never);
      },
    );
    app.post(
      "/api/deactivations/mark",
      {
        config: { access: "deactivations.mark" },
        schema: {
          tags,
          summary:
            "Mark lines on the deactivation list deactivated (all or none; 409 deactivations.already_deactivated for a line done before, 409 with the state of a line not on the list)",
          body: markDeactivatedBody,
          response: { 200: markDeactivatedResponse, ...authErrors },
        },
      },
      async (req) => deactivations.mark(actorOf(req), req.body),
    );
  };
}
