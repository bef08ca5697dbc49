import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  createOrderBody,
  createOrderQuery,
  createOrderResponse,
  markOrderedBody,
  orderExportQuery,
  orderListSchema,
  orderSchema,
  orderSummarySchema,
  ordersQuery,
} from "../../../contracts/orders.ts";
import { actorOf } from "../../plugins/session.ts";
import { attachment, authErrors, typed } from "../../shared/routes.ts";
import type { OrdersUsecases } from "./orders.usecases.ts";

/** FOU's orders of access: the dry run and the order, the list, one order, the portal file, marking ordered, cancelling. */
export function ordersRoutes({ orders }: { orders: OrdersUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["orders"];
    app.post(
      "/api/orders",
      {
        config: { access: "orders.create" },
        schema: {
          tags,
          summary:
            "Order rows of a submitted sheet (one draft line per row and system); with dryRun=true only the check of each row",
          querystring: createOrderQuery,
          body: createOrderBody,
          response: { 200: createOrderResponse, 201: createOrderResponse, ...authErrors },
        },
      },
      async (req, reply) => {
        const dryRun = req.query.dryRun ?? false;
        const result = await orders.create(actorOf(req), req.body, { dryRun });
        return reply.code(dryRun ? 200 : 201).send(result);
      },
    );
    app.get(
      "/api/orders",
      {
        config: { access: "orders.read" },
        schema: {
          tags,
          summary: "The trust's orders, searched, filtered, sorted and paged",
          querystring: ordersQuery,
          response: { 200: orderListSchema, ...authErrors },
        },
      },
      async (req) => orders.list(actorOf(req), req.query),
    );
    app.get(
      "/api/orders/:id",
      {
        config: { access: "orders.read" },
        schema: {
          tags,
          summary: "An order with its lines",
          params: idParams,
          response: { 200: orderSchema, ...authErrors },
        },
      },
      async (req) => orders.get(actorOf(req), req.params.id),
    );
    app.get(
      "/api/orders/:id/export",
      {
        config: { access: "orders.create" },
        schema: {
          tags,
          summary: "The ordering portal's file of the order (.xlsx or .csv), one line per student and system (audited)",
          params: idParams,
          querystring: orderExportQuery,
          produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
          response: authErrors,
        },
      },
      async (req, reply) => {
        const file = await orders.export(actorOf(req), req.params.id, req.query);
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", attachment(file.fileName))
          .header("cache-control", "no-store")
          .send(file.buffer as never);
      },
    );
    app.post(
      "/api/orders/:id/mark-ordered",
      {
        config: { access: "orders.create" },
        schema: {
          tags,
          summary: "Mark a draft order ordered with the portal's reference; the coordinators are told",
          params: idParams,
          body: markOrderedBody,
          response: { 200: orderSummarySchema, ...authErrors },
        },
      },
      async (req) => orders.markOrdered(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/orders/:id/cancel",
      {
        config: { access: "orders.create" },
        schema: {
          tags,
          summary: "Cancel a draft order (its lines are cancelled; nothing is deleted)",
          params: idParams,
          response: { 200: orderSummarySchema, ...authErrors },
        },
      },
      async (req) => orders.cancel(actorOf(req), req.params.id),
    );
  };
}
