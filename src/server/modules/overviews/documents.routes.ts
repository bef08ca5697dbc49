import { idParams } from "../../../contracts/common.ts";
import {
  changesSchema,
  createOverviewBody,
  createSheetBody,
  overviewListQuery,
  overviewListSchema,
  overviewSchema,
  sheetSchema,
} from "../../../contracts/overviews.ts";
import { searchQuery, searchResultSchema } from "../../../contracts/search.ts";
import { actorOf } from "../../plugins/session.ts";
import { authErrors, type TypedApp } from "../../shared/routes.ts";
import type { OverviewsUsecases } from "./overviews.usecases.ts";

/** Overview documents: listing, creating and reading them, their sheets, their changes, and search. */
export function documentRoutes(app: TypedApp, { overviews }: { overviews: OverviewsUsecases }) {
  const tags = ["overviews"];
  app.get(
    "/api/overviews",
    {
      config: { access: "overviews.read" },
      schema: {
        tags,
        summary:
          "A page of the overview documents the caller may see, with their sheets and counts, and how many match in all",
        querystring: overviewListQuery,
        response: { 200: overviewListSchema, ...authErrors },
      },
    },
    async (req) => overviews.list(actorOf(req), req.query),
  );
  app.post(
    "/api/overviews",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary: "Create the overview document of a student group (one per group: 409 overviews.exists)",
        body: createOverviewBody,
        response: { 201: overviewSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await overviews.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/overviews/:id",
    {
      config: { access: "overviews.read" },
      schema: {
        tags,
        summary: "A document with its sheets",
        params: idParams,
        response: { 200: overviewSchema, ...authErrors },
      },
    },
    async (req) => overviews.get(actorOf(req), req.params.id),
  );
  app.post(
    "/api/overviews/:id/sheets",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary: "Add a sheet (period), optionally copying another sheet's rows with dates moved to the new period",
        params: idParams,
        body: createSheetBody,
        response: { 201: sheetSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await overviews.createSheet(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    "/api/overviews/:id/changes",
    {
      config: { access: "overviews.read" },
      schema: {
        tags,
        summary: "Changes after submission, newest first (national IDs masked)",
        params: idParams,
        response: { 200: changesSchema, ...authErrors },
      },
    },
    async (req) => overviews.changes(actorOf(req), req.params.id),
  );
  app.get(
    "/api/search",
    {
      config: { access: "overviews.read" },
      schema: {
        tags,
        summary: "Find students by name across the documents the caller may see",
        querystring: searchQuery,
        response: { 200: searchResultSchema, ...authErrors },
      },
    },
    async (req) => overviews.search(actorOf(req), req.query.q),
  );
}
