import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { RowField } from "../../../contracts/overviews.ts";
import type {
  ImportReport,
  importPeriodsSchema,
  importRowReportSchema,
  importSheetReportSchema,
} from "../../../contracts/overviews-import.ts";
import { normalizeEmail } from "../../../domain/contact.ts";
import { maskNationalIdsInText } from "../../../domain/free-text.ts";
import { fileName } from "../../../domain/naming-standard.ts";
import { changedFieldsOf, displayValue, rowLabel } from "../../../domain/placement-row/changes.ts";
import type { RowContext, Site } from "../../../domain/placement-row/context.ts";
import { cellValuesOf, emptyRow, fieldInfo, type RowData } from "../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../domain/placement-row/input.ts";
import { isError, periodChecks } from "../../../domain/placement-row/problems.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { normalizeName } from "../../../domain/similarity.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { nationalIdMaskedCode } from "../../shared/free-text.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { parseCommentCell } from "./excel/comment-cell.ts";
import type { ParsedRow, ParsedSheet, ParsedWorkbook } from "./excel/parse.ts";
import type { ParsePool } from "./excel/parse-pool.ts";
import { writeTemplate } from "./excel/template.ts";
import { type ExportRow, writeOverviewWorkbook } from "./excel/write.ts";
import {
  auditRow,
  type ChangeEntry,
  contextOf,
  type LoadedRow,
  loadRows,
  type OverviewsDeps,
  personFor,
  recordChanges,
  refreshErrorCounts,
  rowDtos,
  scopeOf,
  sheetProblems,
} from "./overviews.core.ts";
import { importInProgress, overviewNotFound } from "./overviews.errors.ts";
import { createOverviewsRepository, type SheetRecord } from "./overviews.repository.ts";
import { createCodec } from "./row-codec.ts";
import { personName } from "./rows.usecases.ts";

type RowReport = z.infer<typeof importRowReportSchema>;
type SheetReport = z.infer<typeof importSheetReportSchema>;

interface PlannedRow {
  rowNumber: number;
  existing: LoadedRow | null;
  data: RowData;
  changed: RowField[];
  comments: string[];
  report: RowReport;
}

interface PlannedSheet {
  parsed: ParsedSheet;
  existing: SheetRecord | null;
  period: { startDate: string; endDate: string } | null;
  rows: PlannedRow[];
  removed: LoadedRow[];
  report: SheetReport;
}

/**
 * Import of a filled workbook (SPEC §3.6), export of a document, and the blank templates. Workbooks
 * are parsed in `parsePool`'s worker threads, before the import's transaction opens.
 */
export function createImportUsecases(deps: OverviewsDeps & { parsePool: ParsePool }) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);
  /** People with an import running on this instance. */
  const importing = new Set<string>();

  /**
   * Matches file rows to a sheet's rows: row ID, then national ID, then e-mail, then name and birth
   * date. An anonymised row is only found by its row ID (an exported and re-imported document), never
   * by a student's details; one that no line of the file names is removed like any other.
   */
  function matcher(existing: LoadedRow[]) {
    const free = new Set(existing.map((r) => r.rec.id));
    const take = (pred: (r: LoadedRow) => boolean, opts: { anonymised?: boolean } = {}) => {
      const hit = existing.find((r) => free.has(r.rec.id) && (opts.anonymised || !r.data.anonymised) && pred(r));
      if (hit) free.delete(hit.rec.id);
      return hit ?? null;
    };
    return {
      match(rowId: string | null, d: RowData): LoadedRow | null {
        if (rowId) {
          const byId = take((r) => r.rec.id === rowId, { anonymised: true });
          if (byId) return byId;
        }
        if (d.nationalId) {
          const byId = take((r) => r.data.nationalId === d.nationalId);
          if (byId) return byId;
        }
        if (d.dNumber) {
          const byD = take((r) => r.data.dNumber === d.dNumber);
          if (byD) return byD;
        }
        if (normalizeEmail(d.email).ok) {
          const byEmail = take((r) => r.data.email === d.email);
          if (byEmail) return byEmail;
        }
        if (d.lastName && d.firstName && d.birthDate) {
          const n = (r: RowData) => `${normalizeName(r.lastName)}|${normalizeName(r.firstName)}|${r.birthDate}`;
          return take((r) => n(r.data) === n(d));
        }
        return null;
      },
      remaining: () => existing.filter((r) => free.has(r.rec.id)),
    };
  }

  /**
   * A line of the file naming an anonymised row by its row ID: the row is read-only, so it stays as
   * it is (neither changed nor removed) and the line's values and comments are not read — with a
   * warning when they differ from the row.
   */
  function anonymisedLine(pr: ParsedRow, hit: LoadedRow, testMode: boolean, sites: Site[]) {
    const typed = applyInput(hit.data, pr.values, { testMode, sites }).data;
    const ignored = changedFieldsOf(hit.data, typed).length > 0 || parseCommentCell(pr.comment).some((c) => !c.signed);
    return {
      rowNumber: pr.rowNumber,
      existing: hit,
      data: hit.data,
      changed: [],
      comments: [],
      report: {
        rowNumber: pr.rowNumber,
        action: "unchanged",
        rowId: hit.rec.id,
        label: rowLabel(hit.data),
        problems: ignored ? [{ field: null, code: "rows.anonymised", warning: true, column: null }] : [],
        changes: [],
      },
    } satisfies PlannedRow;
  }

  async function plan(
    tx: DbOrTx,
    actor: Actor,
    overviewId: string,
    workbook: ParsedWorkbook,
    periods: z.infer<typeof importPeriodsSchema>,
  ) {
    const scope = scopeOf(actor);
    const repo = createOverviewsRepository({ db: tx });
    const overview = await repo.findOverview(scope, overviewId);
    if (!overview) throw overviewNotFound();
    const settings = await repo.trustSettings(scope.trustId);
    const sites = await repo.sites(scope.trustId);
    const planned: PlannedSheet[] = [];
    for (const parsed of workbook.sheets) {
      const existing = (await repo.sheetByName(overview.id, parsed.name.trim())) ?? null;
      const kind: SheetKind = (existing?.kind as SheetKind | undefined) ?? parsed.kind;
      const period = existing
        ? { startDate: existing.startDate, endDate: existing.endDate }
        : (periods[parsed.name.trim()] ?? periods[parsed.name] ?? null);
      // Without the period (a new sheet the upload gives no dates for) every check runs but those against it.
      const ctx: RowContext = {
        kind,
        periodStart: period?.startDate ?? null,
        periodEnd: period?.endDate ?? null,
        testMode: settings.testMode,
        sites,
      };
      if (existing) await repo.lockSheet(existing.id);
      const current = existing ? await loadRows(tx, codec, existing.id, sites, { forUpdate: true }) : [];
      const m = matcher(current);
      const headerOf = new Map(parsed.columns.map((c) => [c.key as string, c.header]));
      const rows: PlannedRow[] = parsed.rows.map((pr) => {
        const probe = applyInput(emptyRow, pr.values, { testMode: settings.testMode, sites });
        const hit = m.match(pr.rowId, probe.data);
        if (hit?.data.anonymised) return anonymisedLine(pr, hit, settings.testMode, sites);
        const applied = hit ? applyInput(hit.data, pr.values, { testMode: settings.testMode, sites }) : probe;
        const changed = hit ? changedFieldsOf(hit.data, applied.data) : [];
        // Unsigned lines become comments: free text, so national IDs in them are masked (a row warning).
        const comments = parseCommentCell(pr.comment)
          .filter((c) => !c.signed)
          .map((c) => maskNationalIdsInText(c.body));
        const commentMasked = comments.some((c) => c.masked > 0);
        return {
          rowNumber: pr.rowNumber,
          existing: hit,
          data: applied.data,
          changed,
          comments: comments.map((c) => c.text),
          report: {
            rowNumber: pr.rowNumber,
            action: hit ? (changed.length ? "change" : "unchanged") : "add",
            rowId: hit?.rec.id ?? null,
            label: rowLabel(applied.data),
            problems: [
              ...pr.problems,
              ...applied.warnings.map((w) => ({
                field: w.field,
                code: w.code,
                warning: true,
                column: headerOf.get(fieldInfo(w.field).column) ?? null,
              })),
              ...(commentMasked
                ? [{ field: null, code: nationalIdMaskedCode, warning: true, column: headerOf.get("comment") ?? null }]
                : []),
            ],
            changes: hit
              ? changed.map((f) => ({
                  field: f,
                  from: displayValue(hit.data, f) || null,
                  to: displayValue(applied.data, f) || null,
                }))
              : [],
          },
        };
      });
      const removed = m.remaining();
      const problems = sheetProblems(
        rows.map((r) => r.data),
        ctx,
        rows.map((r) => r.rowNumber),
      );
      rows.forEach((r, i) => {
        const seen = new Set(r.report.problems.map((p) => `${p.field}|${p.code}`));
        for (const p of problems[i] ?? []) {
          if (seen.has(`${p.field}|${p.code}`)) continue;
          r.report.problems.push({ ...p, column: p.field ? (headerOf.get(fieldInfo(p.field).column) ?? null) : null });
        }
      });
      planned.push({
        parsed,
        existing,
        period,
        rows,
        removed,
        report: {
          name: parsed.name,
          kind,
          sheetId: existing?.id ?? null,
          needsPeriod: !period,
          pendingChecks: period ? [] : [...periodChecks],
          errorRowCount: rows.filter((r) => r.report.problems.some((p) => isError(p))).length,
          added: rows.filter((r) => r.report.action === "add").length,
          changed: rows.filter((r) => r.report.action === "change").length,
          removed: removed.length,
          unchanged: rows.filter((r) => r.report.action === "unchanged").length,
          rows: rows.map((r) => r.report),
          removedRows: removed.map((r) => ({ rowId: r.rec.id, label: rowLabel(r.data) })),
          notices: parsed.notices,
        },
      });
    }
    return { overview, settings, sites, planned, scope };
  }

  return {
    /**
     * Runs `work`, a person's import, while they have no other import running on this instance; a
     * second one meanwhile is refused at once (429 `import.in_progress`), so one person cannot take
     * every place of the parse pool.
     */
    async oneAtATime<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
      if (importing.has(actor.userId)) throw importInProgress();
      importing.add(actor.userId);
      try {
        return await work();
      } finally {
        importing.delete(actor.userId);
      }
    },

    /**
     * Reads a workbook, matches its rows to the document's sheets and reports per row and cell what
     * would change. Unless `dryRun`, saves everything in one transaction (all or nothing) — but only
     * when every new sheet has its period dates. Rows are stored as typed with their problems.
     * The uploaded file is only held in memory; it is handed to a parse worker (the buffer is not
     * readable afterwards) and parsed before the transaction opens, so no connection waits for it.
     */
    async importWorkbook(
      actor: Actor,
      overviewId: string,
      input: { file: Buffer; periods: z.infer<typeof importPeriodsSchema>; dryRun: boolean },
    ): Promise<ImportReport> {
      const workbook = await deps.parsePool.parse(input.file);
      return db.transaction(async (tx) => {
        const { overview, settings, sites, planned } = await plan(tx, actor, overviewId, workbook, input.periods);
        const all = planned.flatMap((s) => s.rows.flatMap((r) => r.report.problems));
        const report: ImportReport = {
          dryRun: input.dryRun,
          saved: false,
          sheets: planned.map((s) => s.report),
          errorCount: all.filter((p) => isError(p)).length,
          errorRowCount: planned.reduce((n, s) => n + s.report.errorRowCount, 0),
          warningCount: all.filter((p) => p.warning).length,
          complete: planned.every((s) => s.report.pendingChecks.length === 0),
        };
        if (input.dryRun || planned.some((s) => !s.period)) return report;

        const repo = createOverviewsRepository({ db: tx });
        const now = clock.now();
        const documentSubmitted = await repo.hasSubmittedSheet(overview.id);
        const changes: ChangeEntry[] = [];
        let touched = false;
        for (const s of planned) {
          let sheet = s.existing;
          if (!sheet) {
            const period = s.period as { startDate: string; endDate: string };
            sheet = (await repo.createSheet({
              overviewId: overview.id,
              kind: s.report.kind,
              name: s.parsed.name.trim(),
              startDate: period.startDate,
              endDate: period.endDate,
              position: await repo.nextSheetPosition(overview.id),
              createdAt: now,
              updatedAt: now,
            })) as SheetRecord;
            await writeAudit(tx, auditContext(actor), {
              entity: "sheet",
              entityId: sheet.id,
              action: "import",
              fields: ["name", "kind", "start_date", "end_date"],
              institutionId: overview.institutionId,
            });
            touched = true;
            if (documentSubmitted) {
              changes.push({
                sheetId: sheet.id,
                sheetName: sheet.name,
                rowId: null,
                rowLabel: null,
                personName: null,
                kind: "sheet_added",
                field: null,
                from: null,
                to: sheet.name,
              });
            }
          }
          const sub = sheet.submittedAt !== null;
          const entry = (rowId: string, d: RowData, e: Pick<ChangeEntry, "kind" | "field" | "from" | "to">) =>
            sub && sheet
              ? changes.push({
                  sheetId: sheet.id,
                  sheetName: sheet.name,
                  rowId,
                  rowLabel: rowLabel(d),
                  personName: personName(d),
                  ...e,
                })
              : 0;
          let position = await repo.nextRowPosition(sheet.id);
          for (const r of s.rows) {
            let rowId: string;
            if (!r.existing) {
              const id = randomUUID();
              const [row] = await repo.insertRows([
                {
                  id,
                  ...codec.toColumns(id, r.data, settings.testMode),
                  sheetId: sheet.id,
                  personId: await personFor(tx, deps.persons, actor, overview.institutionId, r.data, settings.testMode),
                  position: position++,
                  addedAfterSubmission: sub,
                  createdAt: now,
                  updatedAt: now,
                },
              ]);
              rowId = (row as { id: string }).id;
              r.report.rowId = rowId;
              await auditRow(tx, actor, overview.institutionId, rowId, "import", ["row"]);
              entry(rowId, r.data, { kind: "row_added", field: null, from: null, to: rowLabel(r.data) });
              touched = true;
            } else {
              rowId = r.existing.rec.id;
              if (r.changed.length > 0) {
                await repo.updateRow(rowId, r.existing.rec.version, {
                  ...codec.toColumns(rowId, r.data, settings.testMode),
                  personId:
                    (await personFor(tx, deps.persons, actor, overview.institutionId, r.data, settings.testMode)) ??
                    r.existing.rec.personId,
                  updatedAt: now,
                });
                await auditRow(tx, actor, overview.institutionId, rowId, "import", r.changed);
                for (const f of r.changed) {
                  entry(rowId, r.data, {
                    kind: "cell_changed",
                    field: f,
                    from: displayValue(r.existing.data, f) || null,
                    to: displayValue(r.data, f) || null,
                  });
                }
                touched = true;
              }
            }
            if (r.comments.length > 0) {
              const existingBodies = new Set((await repo.commentsOf([rowId])).map((c) => c.comment.body.trim()));
              for (const body of r.comments) {
                if (existingBodies.has(body)) continue;
                const c = await repo.insertComment({ rowId, authorId: actor.userId, body, createdAt: now });
                await writeAudit(tx, auditContext(actor), {
                  entity: "row_comment",
                  entityId: c.id,
                  action: "import",
                  fields: ["body"],
                  institutionId: overview.institutionId,
                });
                entry(rowId, r.data, { kind: "comment_added", field: null, from: null, to: body });
                touched = true;
              }
            }
          }
          for (const gone of s.removed) {
            await repo.deleteRows([gone.rec.id]);
            await auditRow(tx, actor, overview.institutionId, gone.rec.id, "delete", []);
            entry(gone.rec.id, gone.data, { kind: "row_removed", field: null, from: rowLabel(gone.data), to: null });
            touched = true;
          }
          s.report.sheetId = sheet.id;
          await refreshErrorCounts(tx, await loadRows(tx, codec, sheet.id, sites), contextOf(sheet, settings, sites));
        }
        await recordChanges(tx, deps, actor, overview, changes);
        if (touched) await repo.touchOverview(overview.id, now);
        return { ...report, saved: true };
      });
    },

    /**
     * The document as a workbook in the template's layout, named by the naming standard. National
     * IDs are included (every role that may export may see them); the export is audited.
     */
    async exportWorkbook(actor: Actor, overviewId: string): Promise<{ fileName: string; buffer: Buffer }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const repo = createOverviewsRepository({ db: tx });
        const overview = await repo.findOverview(scope, overviewId);
        if (!overview) throw overviewNotFound();
        const settings = await repo.trustSettings(scope.trustId);
        const sites = await repo.sites(scope.trustId);
        const sheetRecs = (await repo.sheetsOf([overview.id])).map((s) => s.sheet);
        const sheets = [];
        for (const sheet of sheetRecs) {
          const rows = await loadRows(tx, codec, sheet.id, sites);
          const problems = sheetProblems(
            rows.map((r) => r.data),
            contextOf(sheet, settings, sites),
          );
          const dtos = await rowDtos(tx, rows, problems, sheet, settings);
          const changes = await repo.changesOfRows(rows.map((r) => r.rec.id));
          sheets.push({
            name: sheet.name,
            kind: sheet.kind as SheetKind,
            rows: rows.map((r, i): ExportRow => {
              const dto = dtos[i];
              return {
                id: r.rec.id,
                values: cellValuesOf(r.data),
                registrationState: dto?.registrationState ?? "not_registered",
                orderState: dto?.orderState ?? "not_ordered",
                learningPortalState: dto?.learningPortalState,
                comments: dto?.comments.map((c) => ({ author: c.author.name, at: c.at, body: c.body })) ?? [],
                changes: changes
                  .filter((c) => c.change.rowId === r.rec.id && c.change.kind === "cell_changed" && c.change.field)
                  .map((c) => ({
                    field: c.change.field as RowField,
                    by: c.actorName,
                    at: c.change.at,
                    from: c.change.fromValue,
                  })),
                addedAfterSubmission: r.rec.addedAfterSubmission,
              };
            }),
          });
        }
        const buffer = await writeOverviewWorkbook({ sheets, includeNationalIds: true });
        await writeAudit(tx, auditContext(actor), {
          entity: "overview",
          entityId: overview.id,
          action: "export",
          fields: ["national_id"],
          institutionId: overview.institutionId,
        });
        return {
          fileName: fileName(
            { institution: overview.institutionShortName, programme: overview.programmeName, cohort: overview.cohort },
            settings.naming,
          ),
          buffer,
        };
      });
    },

    /** A blank template (Norwegian or international). */
    async template(actor: Actor, kind: SheetKind): Promise<Buffer> {
      scopeOf(actor);
      return writeTemplate(kind);
    },
  };
}
export type ImportUsecases = ReturnType<typeof createImportUsecases>;
