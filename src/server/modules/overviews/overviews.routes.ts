import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { idParams, okSchema } from "../../../contracts/common.ts";
import {
  changesSchema,
  commentBody,
  createdCommentSchema,
  createdRowsSchema,
  createOverviewBody,
  createRowsBody,
  createSheetBody,
  deleteRowQuery,
  overviewListQuery,
  overviewSchema,
  type RowInput,
  rowSchema,
  searchQuery,
  searchResultSchema,
  sheetRowsSchema,
  sheetSchema,
  submitResultSchema,
  updateRowBody,
} from "../../../contracts/overviews.ts";
import { importPeriodsSchema, importReportSchema } from "../../../contracts/overviews-import.ts";
import { actorOf } from "../../plugins/session.ts";
import { AppError } from "../../shared/errors.ts";
import { access, attachment, authErrors, typed } from "../../shared/routes.ts";
import type { ImportUsecases } from "./import.usecases.ts";
import { invalidPeriods, uploadMalformed, uploadMissing, uploadTooLarge } from "./overviews.errors.ts";
import type { OverviewsUsecases } from "./overviews.usecases.ts";
import type { RowsUsecases } from "./rows.usecases.ts";

/** Uploads of overview workbooks: one file of at most 10 MB (the parser checks the rest before reading it). */
export const maxUploadBytes = 10 * 1024 * 1024;

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const readers = access.roles("admin", "student_admin", "coordinator");

/** The `file` part and the optional `periods` field of a multipart upload. */
async function readUpload(
  req: FastifyRequest,
): Promise<{ file: Buffer; periods: z.infer<typeof importPeriodsSchema> }> {
  if (!req.isMultipart()) throw uploadMissing();
  let file: Buffer | null = null;
  let periodsText: string | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        if (part.fieldname === "file" && !file) file = await part.toBuffer();
        else await part.toBuffer();
      } else if (part.fieldname === "periods") {
        periodsText = String(part.value ?? "");
      }
    }
  } catch (err) {
    const { code, statusCode } = err as { code?: string; statusCode?: number };
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") {
      throw uploadTooLarge();
    }
    // @fastify/multipart's own errors carry their status; the parser's (a body cut off before its
    // closing boundary, a broken part header) are plain errors.
    if (statusCode !== undefined) throw err;
    throw uploadMalformed();
  }
  if (!file) throw uploadMissing();
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

export function overviewsRoutes(deps: { overviews: OverviewsUsecases; rows: RowsUsecases; imports: ImportUsecases }) {
  const { overviews, rows, imports } = deps;
  return async (fastify: FastifyInstance) => {
    await fastify.register(multipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 5, fieldSize: 100_000, parts: 8 },
    });
    const app = typed(fastify);
    const tags = ["overviews"];

    app.get(
      "/api/overviews",
      {
        config: readers,
        schema: {
          tags,
          summary: "Overview documents the caller may see, with their sheets",
          querystring: overviewListQuery,
          response: { 200: z.array(overviewSchema), ...authErrors },
        },
      },
      async (req) => overviews.list(actorOf(req), req.query),
    );
    app.post(
      "/api/overviews",
      {
        config: readers,
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
        config: readers,
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
        config: readers,
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
        config: readers,
        schema: {
          tags,
          summary: "Changes after submission, newest first (national IDs masked)",
          params: idParams,
          response: { 200: changesSchema, ...authErrors },
        },
      },
      async (req) => overviews.changes(actorOf(req), req.params.id),
    );
    app.post(
      "/api/overviews/:id/import",
      {
        config: readers,
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
            const upload = await readUpload(req);
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
        config: readers,
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
          config: readers,
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

    app.get(
      "/api/sheets/:id/rows",
      {
        config: readers,
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
        config: readers,
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
        config: readers,
        schema: {
          tags,
          summary: "Submit a sheet (refused while a row has errors; after the deadline marked late)",
          params: idParams,
          response: { 200: submitResultSchema, ...authErrors },
        },
      },
      async (req) => overviews.submit(actorOf(req), req.params.id),
    );
    app.patch(
      "/api/rows/:id",
      {
        config: readers,
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
        config: readers,
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
        config: readers,
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
      "/api/rows/:id/reveal-national-id",
      {
        config: readers,
        schema: {
          tags,
          summary: "Show a row's national ID in full (audited)",
          params: idParams,
          response: { 200: z.object({ nationalId: z.string() }), ...authErrors },
        },
      },
      async (req, reply) =>
        reply.header("cache-control", "no-store").send(await rows.revealNationalId(actorOf(req), req.params.id)),
    );
    app.get(
      "/api/search",
      {
        config: readers,
        schema: {
          tags,
          summary: "Find students by name across the documents the caller may see",
          querystring: searchQuery,
          response: { 200: searchResultSchema, ...authErrors },
        },
      },
      async (req) => overviews.search(actorOf(req), req.query.q),
    );
  };
}
