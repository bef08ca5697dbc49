import type { FastifyInstance } from "fastify";
import {
  extendRowsBody,
  extendRowsQuery,
  extendRowsResponse,
  extensionListSchema,
  extensionsQuery,
  markExtensionsBody,
  markExtensionsResponse,
} from "../../../contracts/extensions.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { ExtensionsUsecases } from "./extensions.usecases.ts";

/** FOU's bulk extension of placements and the IT provider's extension list (ADR 0007). */
export function extensionsRoutes({ extensions }: { extensions: ExtensionsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["extensions"];
    app.post(
      "/api/rows/extend",
      {
        config: { access: "rows.extend" },
        schema: {
          tags,
          summary:
            "Extend placements: rows of one or many sheets of the trust get a later end date, with their order lines (all or none; ?dryRun=true reports only)",
          querystring: extendRowsQuery,
          body: extendRowsBody,
          response: { 200: extendRowsResponse, ...authErrors },
        },
      },
      async (req) => extensions.extend(actorOf(req), req.body, { dryRun: req.query.dryRun }),
    );
    app.get(
      "/api/extensions",
      {
        config: { access: "extensions.read" },
        schema: {
          tags,
          summary:
            "The extension list (every trust the IT provider serves): extended lines, filtered, searched, sorted and paged; ?format=xlsx|csv downloads it (audited)",
          querystring: extensionsQuery,
          produces: [
            "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/csv",
          ],
          response: { 200: extensionListSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const { format } = req.query;
        if (!format) return extensions.list(actorOf(req), req.query);
        const file = await extensions.export(actorOf(req), { ...req.query, format });
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", attachment(file.fileName))
          .header("cache-control", "no-store")
          .send(file.buffer as never);
      },
    );
    app.post(
      "/api/extensions/mark",
      {
        config: { access: "extensions.mark" },
        schema: {
          tags,
          summary:
            "Mark extended lines done (back to implemented; all or none, 409 with the state of a line not extended)",
          body: markExtensionsBody,
          response: { 200: markExtensionsResponse, ...authErrors },
        },
      },
      async (req) => extensions.mark(actorOf(req), req.body),
    );
  };
}
