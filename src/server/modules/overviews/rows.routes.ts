import { idParams, okSchema } from "../../../contracts/common.ts";
import { withdrawnRowSchema, withdrawRowBody } from "../../../contracts/deactivations.ts";
import {
  commentBody,
  createdCommentSchema,
  deleteRowQuery,
  revealedNationalIdSchema,
  rowSchema,
  updateRowBody,
} from "../../../contracts/overviews.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, type TypedApp } from "../../shared/routes.ts";
import type { RowsUsecases } from "./rows.usecases.ts";

/** One row: changing and removing it, commenting on it, and showing its national ID. */
export function rowRoutes(app: TypedApp, { rows }: { rows: RowsUsecases }) {
  const tags = ["overviews"];
  app.patch(
    "/api/rows/:id",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary:
          "Change cells of a row (send its version; 409 rows.conflict with the current row when stale, 409 rows.anonymised after retention)",
        params: idParams,
        body: updateRowBody,
        response: { 200: rowSchema, ...authErrors },
      },
    },
    async (req) => rows.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/rows/:id",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary: "Remove a row (send its version; 409 rows.anonymised after retention)",
        params: idParams,
        querystring: deleteRowQuery,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => rows.remove(actorOf(req), req.params.id, req.query.version),
  );
  app.post(
    "/api/rows/:id/comments",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary: "A signed, dated comment on a row, national IDs masked (409 rows.anonymised after retention)",
        params: idParams,
        body: commentBody,
        response: { 201: createdCommentSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await rows.comment(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    "/api/rows/:id/withdraw",
    {
      config: { access: "rows.withdraw" },
      schema: {
        tags,
        summary:
          "Withdraw a student from the placement from a date, with a reason: the row stays, read-only (409 rows.withdrawn), and its access goes on the deactivation list",
        params: idParams,
        body: withdrawRowBody,
        response: { 200: withdrawnRowSchema, ...authErrors },
      },
    },
    async (req) => rows.withdraw(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/rows/:id/reveal-national-id",
    {
      config: { access: "persons.revealNationalId" },
      schema: {
        tags,
        summary: "Show a row's national ID in full (audited)",
        params: idParams,
        response: { 200: revealedNationalIdSchema, ...authErrors },
      },
    },
    async (req, reply) =>
      reply.header("cache-control", "no-store").send(await rows.revealNationalId(actorOf(req), req.params.id)),
  );
}
