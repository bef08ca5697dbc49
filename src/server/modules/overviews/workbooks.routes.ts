import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import { importPeriodsSchema, importReportSchema } from "../../../contracts/overviews-import.ts";
import { actorOf } from "../../plugins/session.ts";
import { AppError } from "../../shared/errors.ts";
import { attachment, authErrors, type TypedApp } from "../../shared/routes.ts";
import { readUpload } from "../../shared/upload.ts";
import type { ImportUsecases } from "./import.usecases.ts";
import { invalidPeriods } from "./overviews.errors.ts";
import type { OverviewsUsecases } from "./overviews.usecases.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The workbook and the optional `periods` field (JSON) of a multipart upload. */
async function readWorkbookUpload(
  req: FastifyRequest,
): Promise<{ file: Buffer; periods: z.infer<typeof importPeriodsSchema> }> {
  const { file, fields } = await readUpload(req);
  const periodsText = fields.periods;
  let periods: z.infer<typeof importPeriodsSchema> = {};
  if (periodsText?.trim()) {
    try {
      const parsed = importPeriodsSchema.safeParse(JSON.parse(periodsText));
      if (!parsed.success || Object.values(parsed.data).some((p) => p.endDate <= p.startDate)) throw invalidPeriods();
      periods = parsed.data;
    } catch {
      throw invalidPeriods();
    }
  }
  return { file, periods };
}

/** Workbooks: importing a filled one, exporting a document, and the blank templates. */
export function workbookRoutes(
  app: TypedApp,
  { overviews, imports }: { overviews: OverviewsUsecases; imports: ImportUsecases },
) {
  const tags = ["overviews"];
  app.post(
    "/api/overviews/:id/import",
    {
      config: { access: "overviews.write" },
      schema: {
        tags,
        summary:
          "Import a filled workbook (multipart: field `file`, optional `periods` JSON); ?dryRun=true only reports",
        description:
          'multipart/form-data with the .xlsx in `file` (at most 10 MB) and, for sheets the document does not have yet, `periods` = JSON `{ "<sheet name>": { "startDate": "YYYY-MM-DD", "endDate": "YYYY-MM-DD" } }`. Saves all or nothing; not saved while a new sheet lacks its period (`needsPeriod`). Every check runs without `periods` but those against the period of a new sheet: that sheet lists them in `pendingChecks` and the report is `complete: false` until a dry run with its period. The file is not stored. One import at a time per person (429 `import.in_progress`); when every parse worker is busy and the queue is full, 503 `import.busy` with `Retry-After`.',
        consumes: ["multipart/form-data"],
        params: idParams,
        querystring: z.object({ dryRun: z.stringbool().optional() }),
        response: {
          200: importReportSchema,
          413: authErrors[400],
          429: authErrors[400],
          503: authErrors[400],
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // 404 for another trust's or institution's document before the upload is even read.
      await overviews.get(actor, req.params.id);
      return imports
        .oneAtATime(actor, async () => {
          const upload = await readWorkbookUpload(req);
          return imports.importWorkbook(actor, req.params.id, { ...upload, dryRun: req.query.dryRun === true });
        })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === "import.busy") {
            reply.header("retry-after", String(error.details?.retryAfterSeconds));
          }
          throw error;
        });
    },
  );
  app.get(
    "/api/overviews/:id/export",
    {
      config: { access: "overviews.read" },
      schema: {
        tags,
        summary: "The document as .xlsx in the template layout (audited)",
        params: idParams,
        produces: [xlsxType],
        response: authErrors,
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await imports.exportWorkbook(actorOf(req), req.params.id);
      return reply
        .header("content-type", xlsxType)
        .header("content-disposition", attachment(fileName))
        .header("cache-control", "no-store")
        .send(buffer as never);
    },
  );
  for (const [path, kind, name] of [
    ["/api/templates/overview.xlsx", "norwegian", "MAL Praksisoversikt.xlsx"],
    ["/api/templates/international.xlsx", "international", "MAL Internasjonale studenter registrering.xlsx"],
  ] as const) {
    app.get(
      path,
      {
        config: { access: "overviews.read" },
        schema: { tags, summary: `The blank ${kind} template`, produces: [xlsxType], response: authErrors },
      },
      async (req, reply) => {
        const buffer = await imports.template(actorOf(req), kind);
        return reply
          .header("content-type", xlsxType)
          .header("content-disposition", attachment(name))
          .send(buffer as never);
      },
    );
  }
}
