import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import { createUserBody, membershipBody, updateUserBody, userSchema } from "../../../contracts/users.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { UsersUsecases } from "./users.usecases.ts";

export function usersRoutes({ users }: { users: UsersUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["users"];
    app.get(
      "/api/users",
      {
        config: { access: "users.manage" },
        schema: {
          tags,
          summary: "People with a role at the active trust",
          response: { 200: z.array(userSchema), ...authErrors },
        },
      },
      async (req) => users.list(actorOf(req)),
    );
    app.post(
      "/api/users",
      {
        config: { access: "users.manage" },
        schema: {
          tags,
          summary: "Create a person with a first role",
          body: createUserBody,
          response: { 201: userSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await users.create(actorOf(req), req.body)),
    );
    app.patch(
      "/api/users/:id",
      {
        config: { access: "users.manage" },
        schema: {
          tags,
          summary: "Rename, set a password, deactivate or reactivate",
          params: idParams,
          body: updateUserBody,
          response: { 200: userSchema, ...authErrors },
        },
      },
      async (req) => users.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/users/:id/memberships",
      {
        config: { access: "users.manage" },
        schema: {
          tags,
          summary: "Give a person a role",
          params: idParams,
          body: membershipBody,
          response: { 201: userSchema, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await users.addMembership(actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      "/api/memberships/:id",
      {
        config: { access: "users.manage" },
        schema: { tags, summary: "Take a role away", params: idParams, response: { 200: userSchema, ...authErrors } },
      },
      async (req) => users.removeMembership(actorOf(req), req.params.id),
    );
  };
}
