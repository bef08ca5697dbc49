import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  placementSiteBody,
  placementSiteSchema,
  professionBody,
  professionSchema,
  programmeBody,
  programmeSchema,
} from "../../../contracts/catalog.ts";
import { idParams, okSchema } from "../../../contracts/common.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { CatalogUsecases } from "./catalog.usecases.ts";

export function catalogRoutes({ catalog }: { catalog: CatalogUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["catalog"];
    const one = (schema: z.ZodType) => ({ 200: schema, ...authErrors });
    const created = (schema: z.ZodType) => ({ 201: schema, ...authErrors });

    app.get(
      "/api/professions",
      {
        config: { access: "catalog.read" },
        schema: { tags, summary: "The trust's professions", response: one(z.array(professionSchema)) },
      },
      async (req) => catalog.listProfessions(actorOf(req)),
    );
    app.post(
      "/api/professions",
      {
        config: { access: "catalog.manage" },
        schema: { tags, summary: "Add a profession", body: professionBody, response: created(professionSchema) },
      },
      async (req, reply) => reply.code(201).send(await catalog.createProfession(actorOf(req), req.body.name)),
    );
    app.patch(
      "/api/professions/:id",
      {
        config: { access: "catalog.manage" },
        schema: {
          tags,
          summary: "Rename a profession",
          params: idParams,
          body: professionBody,
          response: one(professionSchema),
        },
      },
      async (req) => catalog.renameProfession(actorOf(req), req.params.id, req.body.name),
    );
    app.delete(
      "/api/professions/:id",
      {
        config: { access: "catalog.manage" },
        schema: { tags, summary: "Delete an unused profession", params: idParams, response: one(okSchema) },
      },
      async (req) => catalog.deleteProfession(actorOf(req), req.params.id),
    );

    app.get(
      "/api/programmes",
      {
        config: { access: "catalog.read" },
        schema: { tags, summary: "Study programmes the caller may see", response: one(z.array(programmeSchema)) },
      },
      async (req) => catalog.listProgrammes(actorOf(req)),
    );
    app.post(
      "/api/programmes",
      {
        config: { access: "catalog.manage" },
        schema: { tags, summary: "Add a study programme", body: programmeBody, response: created(programmeSchema) },
      },
      async (req, reply) => reply.code(201).send(await catalog.createProgramme(actorOf(req), req.body)),
    );
    app.patch(
      "/api/programmes/:id",
      {
        config: { access: "catalog.manage" },
        schema: {
          tags,
          summary: "Change a study programme",
          params: idParams,
          body: programmeBody,
          response: one(programmeSchema),
        },
      },
      async (req) => catalog.updateProgramme(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/programmes/:id",
      {
        config: { access: "catalog.manage" },
        schema: { tags, summary: "Delete a study programme", params: idParams, response: one(okSchema) },
      },
      async (req) => catalog.deleteProgramme(actorOf(req), req.params.id),
    );

    app.get(
      "/api/placement-sites",
      {
        config: { access: "catalog.read" },
        schema: { tags, summary: "The trust's placement sites", response: one(z.array(placementSiteSchema)) },
      },
      async (req) => catalog.listPlacementSites(actorOf(req)),
    );
    app.post(
      "/api/placement-sites",
      {
        config: { access: "catalog.manage" },
        schema: {
          tags,
          summary: "Add a placement site",
          body: placementSiteBody,
          response: created(placementSiteSchema),
        },
      },
      async (req, reply) => reply.code(201).send(await catalog.createPlacementSite(actorOf(req), req.body)),
    );
    app.patch(
      "/api/placement-sites/:id",
      {
        config: { access: "catalog.manage" },
        schema: {
          tags,
          summary: "Change a placement site",
          params: idParams,
          body: placementSiteBody,
          response: one(placementSiteSchema),
        },
      },
      async (req) => catalog.updatePlacementSite(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/placement-sites/:id",
      {
        config: { access: "catalog.manage" },
        schema: { tags, summary: "Delete a placement site", params: idParams, response: one(okSchema) },
      },
      async (req) => catalog.deletePlacementSite(actorOf(req), req.params.id),
    );
  };
}
