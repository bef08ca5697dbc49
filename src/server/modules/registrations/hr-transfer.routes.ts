import type { FastifyInstance } from "fastify";
import {
  hrTransferExportBody,
  hrTransferExportListSchema,
  hrTransferExportsQuery,
  hrTransferMarkBody,
  hrTransferMarkResponse,
  hrTransferReadyQuery,
  hrTransferReadySchema,
} from "../../../contracts/hr-transfer.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { HrTransferUsecases } from "./hr-transfer.usecases.ts";

/** FOU's HR transfer: the persons ready, the file (audited: it holds national IDs), marking, the exports. */
export function hrTransferRoutes({ hrTransfer }: { hrTransfer: HrTransferUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["registrations"];
    app.get(
      "/api/hr-transfer/ready",
      {
        config: { access: "hrTransfer.manage" },
        schema: {
          tags,
          summary: "Persons registered and not yet transferred to HR, filtered, searched, sorted and paged",
          querystring: hrTransferReadyQuery,
          response: { 200: hrTransferReadySchema, ...authErrors },
        },
      },
      async (req) => hrTransfer.ready(actorOf(req), req.query),
    );
    app.post(
      "/api/hr-transfer/export",
      {
        config: { access: "hrTransfer.manage" },
        schema: {
          tags,
          summary: "The HR transfer file (.xlsx or .csv) of ready persons; its id in x-export-id (audited)",
          body: hrTransferExportBody,
          produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
          response: authErrors,
        },
      },
      async (req, reply) => {
        const file = await hrTransfer.export(actorOf(req), req.body);
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", attachment(file.fileName))
          .header("cache-control", "no-store")
          .header("x-export-id", file.exportId)
          .send(file.buffer as never);
      },
    );
    app.post(
      "/api/hr-transfer/mark",
      {
        config: { access: "hrTransfer.manage" },
        schema: {
          tags,
          summary: "Mark an export's persons transferred to HR; their coordinators are told (audited)",
          body: hrTransferMarkBody,
          response: { 200: hrTransferMarkResponse, ...authErrors },
        },
      },
      async (req) => hrTransfer.mark(actorOf(req), req.body),
    );
    app.get(
      "/api/hr-transfer/exports",
      {
        config: { access: "hrTransfer.manage" },
        schema: {
          tags,
          summary: "The HR transfer files downloaded, newest first, with whether they are marked",
          querystring: hrTransferExportsQuery,
          response: { 200: hrTransferExportListSchema, ...authErrors },
        },
      },
      async (req) => hrTransfer.exports(actorOf(req), req.query),
    );
  };
}
