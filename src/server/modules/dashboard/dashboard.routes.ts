import type { FastifyInstance } from "fastify";
import { dashboardSchema } from "../../../contracts/dashboard.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { DashboardUsecases } from "./dashboard.usecases.ts";

export function dashboardRoutes({ dashboard }: { dashboard: DashboardUsecases }) {
  return async (fastify: FastifyInstance) => {
    typed(fastify).get(
      "/api/dashboard",
      {
        config: { access: "dashboard.read" },
        schema: {
          tags: ["dashboard"],
          summary: "What needs the caller now, as counts with links",
          response: { 200: dashboardSchema, ...authErrors },
        },
      },
      async (req) => dashboard.get(actorOf(req)),
    );
  };
}
