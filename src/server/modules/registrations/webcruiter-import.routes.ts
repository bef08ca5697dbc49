import { webcruiterImportQuery, webcruiterImportReportSchema } from "../../../contracts/webcruiter-import.ts";
import { actorOf } from "../../plugins/session.ts";
import { AppError } from "../../shared/errors.ts";
import { authErrors, type TypedApp } from "../../shared/routes.ts";
import { readUpload } from "../../shared/upload.ts";
import type { WebcruiterImportUsecases } from "./webcruiter-import.usecases.ts";

/** FOU's import of Webcruiter's applicant export for a campaign (multipart; the plugin registers multipart). */
export function webcruiterImportRoutes(app: TypedApp, { webcruiter }: { webcruiter: WebcruiterImportUsecases }) {
  app.post(
    "/api/webcruiter-import",
    {
      config: { access: "hrTransfer.manage" },
      schema: {
        tags: ["registrations"],
        summary: "Import Webcruiter's applicant export into a campaign (multipart `file`); ?dryRun=true only reports",
        description:
          "multipart/form-data with the export (.xlsx or .csv, at most 10 MB, at most 5,000 rows) in `file`. Columns are found by the trust's Webcruiter headers (`webcruiterColumns` of the trust settings), compared without case and spaces; a missing required one is 400 `webcruiter.column_missing` with `details.header`. Each row is checked as the registration form is and reported as created, matched (and by which key), already registered or skipped with its problems; a dry run saves nothing and answers the same report. Saved registrations have source `webcruiter` and a confirmed e-mail; no e-mail is sent. The file is not stored.",
        consumes: ["multipart/form-data"],
        querystring: webcruiterImportQuery,
        response: {
          200: webcruiterImportReportSchema,
          413: authErrors[400],
          503: authErrors[400],
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // 404 for another trust's campaign before the upload is even read.
      await webcruiter.check(actor, req.query.campaignId);
      const upload = await readUpload(req);
      return webcruiter
        .importFile(actor, req.query.campaignId, { upload, dryRun: req.query.dryRun === true })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === "import.busy") {
            reply.header("retry-after", String(error.details?.retryAfterSeconds));
          }
          throw error;
        });
    },
  );
}
