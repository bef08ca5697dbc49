import { statusImportQuery, statusImportReportSchema } from "../../../contracts/orders.ts";
import { actorOf } from "../../plugins/session.ts";
import { AppError } from "../../shared/errors.ts";
import { authErrors, type TypedApp } from "../../shared/routes.ts";
import { readUpload } from "../../shared/upload.ts";
import type { StatusImportUsecases } from "./status-import.usecases.ts";

/** FOU's upload of the ordering portal's status report (multipart; the plugin registers multipart). */
export function statusImportRoutes(app: TypedApp, { statusImport }: { statusImport: StatusImportUsecases }) {
  app.post(
    "/api/orders/status-import",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["orders"],
        summary:
          "Update order lines from the ordering portal's status report (multipart `file`); ?dryRun=true only reports",
        description:
          "multipart/form-data with the report (.xlsx, its first sheet, or .csv; at most 10 MB) in `file`. Columns are found by the trust's `portalStatusColumns`, compared without case and spaces; a missing one the report needs is 400 `status_import.column_missing` with `details.header`. Each row finds its line by `lineId`, or by reference, national ID (compared by its keyed hash) and system, and approves, implements (with the username) or rejects (with the reason) it by the line states' rules, as the uploading FOU user. The report lists the changes (from → to) and the rows not matched or not applied, with their row numbers; it is the same for a dry run, which saves nothing. A save applies the changes only when there are some. The file is not stored.",
        consumes: ["multipart/form-data"],
        querystring: statusImportQuery,
        response: { 200: statusImportReportSchema, 413: authErrors[400], 503: authErrors[400], ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      statusImport.check(actor);
      const upload = await readUpload(req);
      return statusImport.importFile(actor, { upload, dryRun: req.query.dryRun === true }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "import.busy") {
          reply.header("retry-after", String(error.details?.retryAfterSeconds));
        }
        throw error;
      });
    },
  );
}
