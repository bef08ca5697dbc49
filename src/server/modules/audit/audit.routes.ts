import type { FastifyInstance } from "fastify";
import { auditPageSchema, auditQuery } from "../../../contracts/audit.ts";
import { actorOf } from "../../plugins/session.ts";
import { access, authErrors, typed } from "../../shared/routes.ts";
import type { AuditUsecases } from "./audit.usecases.ts";

export function auditRoutes({ audit }: { audit: AuditUsecases }) {
  return async (fastify: FastifyInstance) => {
    typed(fastify).get(
      "/api/audit",
      {
        config: access.roles("admin"),
        schema: {
          tags: ["audit"],
          summary: "The trust's audit trail, newest first: who did what to which record, never the values",
          querystring: auditQuery,
          response: { 200: auditPageSchema, ...authErrors },
        },
      },
      async (req) => audit.list(actorOf(req), req.query),
    );
  };
}
