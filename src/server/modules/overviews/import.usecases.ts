import type { z } from "zod";
import type { ImportReport, importPeriodsSchema } from "../../../contracts/overviews-import.ts";
import { isError } from "../../../domain/placement-row/problems.ts";
import type { Actor } from "../../shared/actor.ts";
import { placementSitesOf } from "../catalog/catalog.public.ts";
import { createChangeLog } from "./change-log.ts";
import type { ParsePool } from "./excel/parse-pool.ts";
import { createExportUsecases } from "./export.usecases.ts";
import { planImport } from "./import-plan.ts";
import { saveImport } from "./import-save.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { importInProgress } from "./overviews.errors.ts";
import { createCodec } from "./row-codec.ts";
import { withOverview } from "./sheet-context.ts";

/**
 * Import of a filled workbook (SPEC §3.6), export of a document, and the blank templates. Workbooks
 * are parsed in `parsePool`'s worker threads, before the import's transaction opens.
 */
export function createImportUsecases(deps: OverviewsDeps & { parsePool: ParsePool }) {
  const { db } = deps;
  const codec = createCodec(deps.crypto);
  const changeLog = createChangeLog(deps);
  /** People with an import running on this instance. */
  const importing = new Set<string>();

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
     * Inside it the rows are planned and saved in sets (`import-plan.ts`, `import-save.ts`).
     */
    async importWorkbook(
      actor: Actor,
      overviewId: string,
      input: { file: Buffer; periods: z.infer<typeof importPeriodsSchema>; dryRun: boolean },
    ): Promise<ImportReport> {
      const workbook = await deps.parsePool.parse(input.file);
      return db.transaction(async (tx) => {
        const { scope, overview, settings } = await withOverview(tx, actor, overviewId, "overviews.write");
        const sites = await placementSitesOf(tx, scope.trustId);
        const planned = await planImport(
          tx,
          codec,
          { overviewId: overview.id, testMode: settings.testMode, sites },
          workbook,
          input.periods,
        );
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
        await saveImport(tx, { ...deps, codec, changeLog }, actor, { overview, settings }, planned);
        return { ...report, saved: true };
      });
    },

    ...createExportUsecases(deps),
  };
}
export type ImportUsecases = ReturnType<typeof createImportUsecases>;
