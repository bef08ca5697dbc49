import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  matchingQuery,
  matchingViewSchema,
  matchRegistrationBody,
  missingStudentsQuery,
  missingStudentsSchema,
  registrationListSchema,
  registrationSchema,
  registrationsQuery,
} from "../../../contracts/registrations.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, type TypedApp, typed } from "../../shared/routes.ts";
import { multipartLimits } from "../../shared/upload.ts";
import type { StaffRegistrationsUsecases } from "./registrations-staff.usecases.ts";
import { webcruiterImportRoutes } from "./webcruiter-import.routes.ts";
import type { WebcruiterImportUsecases } from "./webcruiter-import.usecases.ts";

interface StaffDeps {
  staff: StaffRegistrationsUsecases;
  webcruiter: WebcruiterImportUsecases;
}

/** FOU's side of registration: the routes of registrations and the Webcruiter import (an upload). */
export function staffRegistrationsRoutes(deps: StaffDeps) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(multipart, { limits: multipartLimits });
    const app = typed(fastify);
    registrationRoutes(app, deps);
    webcruiterImportRoutes(app, deps);
  };
}

/** FOU's and the coordinators' registration routes: a campaign's registrations, matching, confirming. */
function registrationRoutes(app: TypedApp, { staff }: StaffDeps) {
  const tags = ["registrations"];
  app.get(
    "/api/campaigns/:id/registrations",
    {
      config: { access: "campaigns.read" },
      schema: {
        tags,
        summary: "A campaign's registrations, filtered by state, searched, sorted and paged",
        params: idParams,
        querystring: registrationsQuery,
        response: { 200: registrationListSchema, ...authErrors },
      },
    },
    async (req) => staff.list(actorOf(req), req.params.id, req.query),
  );
  app.get(
    "/api/campaigns/:id/missing",
    {
      config: { access: "campaigns.read" },
      schema: {
        tags,
        summary: "The students the campaign expects who have not registered",
        params: idParams,
        querystring: missingStudentsQuery,
        response: { 200: missingStudentsSchema, ...authErrors },
      },
    },
    async (req) => staff.missing(actorOf(req), req.params.id, req.query),
  );
  app.get(
    "/api/registrations/matching",
    {
      config: { access: "registrations.match" },
      schema: {
        tags,
        summary: "Unmatched registrations with suggestions, beside the rows without a registration",
        querystring: matchingQuery,
        response: { 200: matchingViewSchema, ...authErrors },
      },
    },
    async (req) => staff.matching(actorOf(req), req.query),
  );
  app.post(
    "/api/registrations/:id/match",
    {
      config: { access: "registrations.match" },
      schema: {
        tags,
        summary: "Match a registration by hand to a person or a row (audited)",
        params: idParams,
        body: matchRegistrationBody,
        response: { 200: registrationSchema, ...authErrors },
      },
    },
    async (req) => staff.match(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/registrations/:id/unmatch",
    {
      config: { access: "registrations.match" },
      schema: {
        tags,
        summary: "Undo a registration's match (audited)",
        params: idParams,
        response: { 200: registrationSchema, ...authErrors },
      },
    },
    async (req) => staff.unmatch(actorOf(req), req.params.id),
  );
  app.post(
    "/api/registrations/:id/confirm",
    {
      config: { access: "registrations.match" },
      schema: {
        tags,
        summary: "FOU confirms a registration or applies a waiting change (audited)",
        params: idParams,
        response: { 200: registrationSchema, ...authErrors },
      },
    },
    async (req) => staff.confirm(actorOf(req), req.params.id),
  );
}
