import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { typed } from "../../shared/routes.ts";
import { multipartLimits } from "../../shared/upload.ts";
import { documentRoutes } from "./documents.routes.ts";
import type { ImportUsecases } from "./import.usecases.ts";
import type { OverviewsUsecases } from "./overviews.usecases.ts";
import { rowRoutes } from "./rows.routes.ts";
import type { RowsUsecases } from "./rows.usecases.ts";
import { sheetRoutes } from "./sheets.routes.ts";
import { workbookRoutes } from "./workbooks.routes.ts";

/** The overviews module's routes: documents, workbooks, sheets and rows, with multipart uploads. */
export function overviewsRoutes(deps: { overviews: OverviewsUsecases; rows: RowsUsecases; imports: ImportUsecases }) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(multipart, { limits: multipartLimits });
    const app = typed(fastify);
    documentRoutes(app, deps);
    workbookRoutes(app, deps);
    sheetRoutes(app, deps);
    rowRoutes(app, deps);
  };
}
