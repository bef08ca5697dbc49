import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  listNotificationsQuery,
  notificationListSchema,
  notificationSchema,
  readAllSchema,
} from "../../../contracts/notifications.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { NotificationsUsecases } from "./notifications.usecases.ts";

export function notificationsRoutes({ notifications }: { notifications: NotificationsUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["notifications"];
    app.get(
      "/api/notifications",
      {
        config: { access: "signed_in" },
        schema: {
          tags,
          summary: "The caller's notifications, newest first, with the number of unread ones",
          querystring: listNotificationsQuery,
          response: { 200: notificationListSchema, ...authErrors },
        },
      },
      async (req) => notifications.list(actorOf(req), req.query),
    );
    app.post(
      "/api/notifications/read-all",
      {
        config: { access: "signed_in" },
        schema: {
          tags,
          summary: "Mark all the caller's notifications read",
          response: { 200: readAllSchema, ...authErrors },
        },
      },
      async (req) => notifications.readAll(actorOf(req)),
    );
    app.post(
      "/api/notifications/:id/read",
      {
        config: { access: "signed_in" },
        schema: {
          tags,
          summary: "Mark one of the caller's notifications read",
          params: idParams,
          response: { 200: notificationSchema, ...authErrors },
        },
      },
      async (req) => notifications.read(actorOf(req), req.params.id),
    );
  };
}
