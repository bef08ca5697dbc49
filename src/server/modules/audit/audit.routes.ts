import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { auditExportQuery, auditPageSchema, auditQuery } from "../../../contracts/audit.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { AuditUsecases } from "./audit.usecases.ts";

export function auditRoutes({ audit }: { audit: AuditUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get(
      "/api/audit",
      {
        config: { access: "audit.read" },
        schema: {
          tags: ["audit"],
          summary:
            "The trust's audit trail, newest first: who did what to which record (named as people know it), never the values",
          querystring: auditQuery,
          response: { 200: auditPageSchema, ...authErrors },
        },
      },
      async (req) => audit.list(actorOf(req), req.query),
    );
    app.get(
      "/api/audit/export.csv",
      {
        config: { access: "audit.read" },
        schema: {
          tags: ["audit"],
          summary:
            "The filtered audit trail as CSV for Excel (UTF-8 with BOM, semicolons), in the person's language; the export is audited",
          querystring: auditExportQuery,
          produces: ["text/csv"],
          response: authErrors,
        },
      },
      async (req, reply) => {
        const { fileName, lines } = await audit.exportCsv(actorOf(req), req.query);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", attachment(fileName))
          .send(Readable.from(lines) as never);
      },
    );
  };
}
