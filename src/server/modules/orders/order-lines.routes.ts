import type { FastifyInstance } from "fastify";
import { idParams } from "../../../contracts/common.ts";
import {
  approveLinesBody,
  decideLinesResponse,
  implementLinesBody,
  orderLineListSchema,
  orderLineSchema,
  orderLinesQuery,
  rejectLinesBody,
  updateOrderLineBody,
} from "../../../contracts/orders.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, typed } from "../../shared/routes.ts";
import type { OrderLinesUsecases } from "./order-lines.usecases.ts";

/** The IT provider's queue across the trusts it serves (ADR 0007) and its answers, many lines at once. */
export function orderLinesRoutes({ lines }: { lines: OrderLinesUsecases }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const tags = ["order lines"];
    app.get(
      "/api/order-lines",
      {
        config: { access: "orderLines.read" },
        schema: {
          tags,
          summary:
            "Order lines (the IT provider's queue: every trust it serves), filtered by trust, institution, system, order, start date and state, searched, sorted and paged",
          querystring: orderLinesQuery,
          response: { 200: orderLineListSchema, ...authErrors },
        },
      },
      async (req) => lines.list(actorOf(req), req.query),
    );
    app.post(
      "/api/order-lines/approve",
      {
        config: { access: "orderLines.decide" },
        schema: {
          tags,
          summary: "Approve ordered lines (all or none; 409 with the current states of lines already moved)",
          body: approveLinesBody,
          response: { 200: decideLinesResponse, ...authErrors },
        },
      },
      async (req) => lines.approve(actorOf(req), req.body),
    );
    app.post(
      "/api/order-lines/reject",
      {
        config: { access: "orderLines.decide" },
        schema: {
          tags,
          summary: "Reject ordered or approved lines with a reason (all or none)",
          body: rejectLinesBody,
          response: { 200: decideLinesResponse, ...authErrors },
        },
      },
      async (req) => lines.reject(actorOf(req), req.body),
    );
    app.post(
      "/api/order-lines/implement",
      {
        config: { access: "orderLines.decide" },
        schema: {
          tags,
          summary: "Implement ordered or approved lines, each with the person's username (one per person; all or none)",
          body: implementLinesBody,
          response: { 200: decideLinesResponse, ...authErrors },
        },
      },
      async (req) => lines.implement(actorOf(req), req.body),
    );
    app.patch(
      "/api/order-lines/:id",
      {
        config: { access: "orders.create" },
        schema: {
          tags,
          summary: "FOU's message for the coordinators on a rejected line",
          params: idParams,
          body: updateOrderLineBody,
          response: { 200: orderLineSchema, ...authErrors },
        },
      },
      async (req) => lines.setFouMessage(actorOf(req), req.params.id, req.body),
    );
  };
}
