import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  duplicatesQuery,
  duplicatesResponse,
  mergePersonBody,
  mergePersonResponse,
  revealNationalIdBody,
  revealNationalIdResponse,
} from "../../../contracts/persons.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { PersonsUsecases } from "./persons.usecases.ts";

export function personsRoutes({ persons }: { persons: PersonsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["persons"];
    app.post(
      "/api/persons/:id/reveal-national-id",
      {
        config: { access: "persons.revealNationalId" },
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
    app.get(
      "/api/persons/duplicates",
      {
        config: { access: "persons.merge" },
        schema: {
          tags,
          summary: "Persons who may be the same student",
          description:
            "Groups of two or more persons of the trust with the same e-mail, or the same names and birth date — the keys matching never uses across institutions — for FOU and admins to merge by hand. Paged with limit and offset; `q` searches what they share.",
          querystring: duplicatesQuery,
          response: { 200: duplicatesResponse, ...authErrors },
        },
      },
      async (req) => persons.duplicates(actorOf(req), req.query),
    );
    app.post(
      "/api/persons/:id/merge",
      {
        config: { access: "persons.merge" },
        schema: {
          tags,
          summary: "Merge another person into this one (audited)",
          description:
            "The other person's rows move to this person, which keeps its values and takes the other's where it has none; the other person is deleted. Refused (409) when both hold a national ID or either is anonymised.",
          params: idParams,
          body: mergePersonBody,
          response: { 200: mergePersonResponse, ...authErrors },
        },
      },
      async (req) => persons.merge(actorOf(req), req.params.id, req.body.otherId),
    );
  };
}
