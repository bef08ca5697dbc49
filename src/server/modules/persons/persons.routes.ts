import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import { revealNationalIdBody, revealNationalIdResponse } from "../../../contracts/persons.ts";
import { actorOf } from "../../plugins/session.ts";
import { access, authErrors, typed } from "../../shared/routes.ts";
import type { PersonsUsecases } from "./persons.usecases.ts";

export function personsRoutes({ persons }: { persons: PersonsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["persons"];
    app.post(
      "/api/persons/:id/reveal-national-id",
      {
        config: access.roles("admin", "student_admin", "coordinator"),
        schema: {
          tags,
          summary: "Show a person's national ID in full (audited)",
          description:
            "Admins and FOU of the person's trust; coordinators name the institution through which they see the person. Every reveal is written to the audit trail.",
          params: idParams,
          body: revealNationalIdBody,
          response: { 200: revealNationalIdResponse, ...authErrors },
        },
      },
      async (req, reply) => {
        const result = await persons.revealNationalId(actorOf(req), req.params.id, req.body ?? {});
        return reply.header("cache-control", "no-store").send(result);
      },
    );
  };
}
