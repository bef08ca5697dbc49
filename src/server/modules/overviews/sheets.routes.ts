import { idParams } from "../../../contracts/common.ts";
import {
  createdRowsSchema,
  createRowsBody,
  type RowInput,
  sheetRowsSchema,
  submitResultSchema,
} from "../../../contracts/overviews.ts";
import { actorOf } from "../../plugins/session.ts";
import { compiledSerializer } from "../../shared/compiled-serializer.ts";
import { authErrors, type TypedApp } from "../../shared/routes.ts";
import type { OverviewsUsecases } from "./overviews.usecases.ts";
import type { RowsUsecases } from "./rows.usecases.ts";

/** A sheet: its rows, adding rows, and submitting it. */
export function sheetRoutes(app: TypedApp, { overviews, rows }: { overviews: OverviewsUsecases; rows: RowsUsecases }) {
  const tags = ["overviews"];
  app.get(
    "/api/sheets/:id/rows",
    {
      config: { access: "overviews.read" },
      serializerCompiler: compiledSerializer,
      schema: {
        tags,
        summary: "A sheet and its rows",
        params: idParams,
        response: { 200: sheetRowsSchema, ...authErrors },
      },
    },
    async (req) => rows.list(actorOf(req), req.params.id),
  );
  app.post(
    "/api/sheets/:id/rows",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary: "Add a row, or several pasted rows (stored as typed, with their problems)",
        params: idParams,
        body: createRowsBody,
        response: { 201: createdRowsSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const inputs = "rows" in req.body && Array.isArray(req.body.rows) ? req.body.rows : [req.body as RowInput];
      return reply.code(201).send(await rows.create(actorOf(req), req.params.id, inputs));
    },
  );
  app.post(
    "/api/sheets/:id/submit",
    {
      config: { access: "overviews.submit" },
      schema: {
        tags,
        summary: "Submit a sheet (refused while a row has errors; after the deadline marked late)",
        params: idParams,
        response: { 200: submitResultSchema, ...authErrors },
      },
    },
    async (req) => overviews.submit(actorOf(req), req.params.id),
  );
}
