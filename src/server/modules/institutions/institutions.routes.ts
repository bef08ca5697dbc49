import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { idParams, okSchema } from "../../../contracts/common.ts";
import {
  agreementSchema,
  createAgreementBody,
  createInstitutionBody,
  institutionSchema,
  updateAgreementBody,
} from "../../../contracts/institutions.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { InstitutionsUsecases } from "./institutions.usecases.ts";

export function institutionsRoutes({ institutions }: { institutions: InstitutionsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["institutions"];
    app.get(
      "/api/institutions",
      {
        config: { access: "institutions.read" },
        schema: {
          tags,
          summary: "The institutions the caller may see",
          response: { 200: z.array(institutionSchema), ...authErrors },
        },
      },
      async (req) => institutions.listVisible(actorOf(req)),
    );
    app.get(
      "/api/admin/institutions",
      {
        config: { access: "institutions.manage" },
        schema: {
          tags,
          summary: "Every institution of the region (admins)",
          response: { 200: z.array(institutionSchema), ...authErrors },
        },
      },
      async (req) => institutions.listAll(actorOf(req)),
    );
    app.post(
      "/api/institutions",
      {
        config: { access: "institutions.manage" },
        schema: {
          tags,
          summary: "Create an institution",
          body: createInstitutionBody,
          response: { 201: institutionSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await institutions.create(actorOf(req), req.body)),
    );
    app.patch(
      "/api/institutions/:id",
      {
        config: { access: "institutions.manage" },
        schema: {
          tags,
          summary: "Rename an institution",
          params: idParams,
          body: createInstitutionBody,
          response: { 200: institutionSchema, ...authErrors },
        },
      },
      async (req) => institutions.update(actorOf(req), req.params.id, req.body),
    );
    app.get(
      "/api/agreements",
      {
        config: { access: "agreements.read" },
        schema: {
          tags,
          summary: "The trust's agreements with their FOU contacts",
          response: { 200: z.array(agreementSchema), ...authErrors },
        },
      },
      async (req) => institutions.listAgreements(actorOf(req)),
    );
    app.post(
      "/api/agreements",
      {
        config: { access: "agreements.manage" },
        schema: {
          tags,
          summary: "Make an agreement with an institution",
          body: createAgreementBody,
          response: { 201: agreementSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await institutions.createAgreement(actorOf(req), req.body)),
    );
    app.patch(
      "/api/agreements/:id",
      {
        config: { access: "agreements.manage" },
        schema: {
          tags,
          summary: "Set the FOU contacts of an agreement",
          params: idParams,
          body: updateAgreementBody,
          response: { 200: agreementSchema, ...authErrors },
        },
      },
      async (req) => institutions.updateAgreement(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/agreements/:id",
      {
        config: { access: "agreements.manage" },
        schema: {
          tags,
          summary: "End an agreement no longer in use",
          params: idParams,
          response: { 200: okSchema, ...authErrors },
        },
      },
      async (req) => institutions.deleteAgreement(actorOf(req), req.params.id),
    );
  };
}
