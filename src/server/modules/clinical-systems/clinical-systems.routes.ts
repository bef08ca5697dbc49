import type { FastifyInstance } from "fastify";
import {
  accessProfileListSchema,
  accessProfilesQuery,
  accessProfileWithVersionsSchema,
  createAccessProfileBody,
  updateAccessProfileBody,
} from "../../../contracts/access-profiles.ts";
import {
  clinicalSystemListSchema,
  clinicalSystemSchema,
  clinicalSystemsQuery,
  createClinicalSystemBody,
  updateClinicalSystemBody,
} from "../../../contracts/clinical-systems.ts";
import { idParams } from "../../../contracts/common.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { AccessProfilesUsecases } from "./access-profiles.usecases.ts";
import type { ClinicalSystemsUsecases } from "./clinical-systems.usecases.ts";

/** The trust's clinical systems and access profiles: kept by admins, read by FOU. No deletes: both are archived. */
export function clinicalSystemsRoutes({
  systems,
  profiles,
}: {
  systems: ClinicalSystemsUsecases;
  profiles: AccessProfilesUsecases;
}) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["clinical systems"];
    app.get(
      "/api/clinical-systems",
      {
        config: { access: "clinicalSystems.read" },
        schema: {
          tags,
          summary: "The trust's clinical systems with their roles, searched, filtered, sorted and paged",
          querystring: clinicalSystemsQuery,
          response: { 200: clinicalSystemListSchema, ...authErrors },
        },
      },
      async (req) => systems.list(actorOf(req), req.query),
    );
    app.post(
      "/api/clinical-systems",
      {
        config: { access: "clinicalSystems.manage" },
        schema: {
          tags,
          summary: "Add a clinical system with its roles",
          body: createClinicalSystemBody,
          response: { 201: clinicalSystemSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await systems.create(actorOf(req), req.body)),
    );
    app.patch(
      "/api/clinical-systems/:id",
      {
        config: { access: "clinicalSystems.manage" },
        schema: {
          tags,
          summary: "Rename a clinical system, change its roles, archive or restore it",
          params: idParams,
          body: updateClinicalSystemBody,
          response: { 200: clinicalSystemSchema, ...authErrors },
        },
      },
      async (req) => systems.update(actorOf(req), req.params.id, req.body),
    );

    app.get(
      "/api/access-profiles",
      {
        config: { access: "accessProfiles.read" },
        schema: {
          tags,
          summary: "The trust's access profiles with their current versions, searched, filtered, sorted and paged",
          querystring: accessProfilesQuery,
          response: { 200: accessProfileListSchema, ...authErrors },
        },
      },
      async (req) => profiles.list(actorOf(req), req.query),
    );
    app.get(
      "/api/access-profiles/:id",
      {
        config: { access: "accessProfiles.read" },
        schema: {
          tags,
          summary: "One access profile with all its versions, newest first",
          params: idParams,
          response: { 200: accessProfileWithVersionsSchema, ...authErrors },
        },
      },
      async (req) => profiles.get(actorOf(req), req.params.id),
    );
    app.post(
      "/api/access-profiles",
      {
        config: { access: "accessProfiles.manage" },
        schema: {
          tags,
          summary: "Add a profession's access profile (version 1)",
          body: createAccessProfileBody,
          response: { 201: accessProfileWithVersionsSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await profiles.create(actorOf(req), req.body)),
    );
    app.patch(
      "/api/access-profiles/:id",
      {
        config: { access: "accessProfiles.manage" },
        schema: {
          tags,
          summary: "Change an access profile (a new version), archive or restore it",
          params: idParams,
          body: updateAccessProfileBody,
          response: { 200: accessProfileWithVersionsSchema, ...authErrors },
        },
      },
      async (req) => profiles.update(actorOf(req), req.params.id, req.body),
    );
  };
}
