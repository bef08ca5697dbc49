import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { readinessListSchema, readinessQuery } from "../../../contracts/orders.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import { multipartLimits } from "../../shared/upload.ts";
import type { ReadinessUsecases } from "./readiness.usecases.ts";
import { statusImportRoutes } from "./status-import.routes.ts";
import type { StatusImportUsecases } from "./status-import.usecases.ts";

/**
 * The readiness list (one line per student on a sheet, for FOU, admins and their own coordinators)
 * and FOU's upload of the portal's status report, which moves the lines the list reads.
 */
export function readinessRoutes(deps: { readiness: ReadinessUsecases; statusImport: StatusImportUsecases }) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(multipart, { limits: multipartLimits });
    const app = typed(fastify);
    app.get(
      "/api/readiness",
      {
        config: { access: "readiness.read" },
        schema: {
          tags: ["orders"],
          summary: "Each student's readiness before the placement: the steps with their dates, paged, with counts",
          description:
            "One line per student on a sheet (rows not anonymised) of the caller's trust, for coordinators their institutions only: registered → transferred → ordered → approved → implemented (from the row's live order lines: the latest date once all reached it) → username sent. `notReadyDays` keeps students not ready who start within that many days (today included), the soonest first. `counts` are those of the whole filter. Coordinators get no `reference` and, for a rejection, only FOU's message.",
          querystring: readinessQuery,
          response: { 200: readinessListSchema, ...authErrors },
        },
      },
      async (req) => deps.readiness.list(actorOf(req), req.query),
    );
    statusImportRoutes(app, deps);
  };
}
