import type { RowField } from "../../../contracts/overviews.ts";
import { fileName } from "../../../domain/naming-standard.ts";
import { cellValuesOf } from "../../../domain/placement-row/fields.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { placementSitesOf } from "../catalog/catalog.public.ts";
import { scopeOf } from "./access-scope.ts";
import { writeTemplate } from "./excel/template.ts";
import { type ExportRow, writeOverviewWorkbook } from "./excel/write.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { rowDtos } from "./overviews.dtos.ts";
import { createOverviewsRepository } from "./overviews.repository.ts";
import { createCodec } from "./row-codec.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { withOverview } from "./sheet-context.ts";
import { contextOf, loadRows, sheetProblems } from "./sheet-rows.ts";

/** Export of a document in the template's layout, and the blank templates. */
export function createExportUsecases(deps: Pick<OverviewsDeps, "db" | "crypto">) {
  const { db } = deps;
  const codec = createCodec(deps.crypto);

  return {
    /**
     * The document as a workbook in the template's layout, named by the naming standard. National
     * IDs are included (every role that may export may see them); the export is audited.
     */
    async exportWorkbook(actor: Actor, overviewId: string): Promise<{ fileName: string; buffer: Buffer }> {
      return db.transaction(async (tx) => {
        const { scope, overview, settings } = await withOverview(tx, actor, overviewId);
        const repo = createOverviewsRepository({ db: tx });
        const sites = await placementSitesOf(tx, scope.trustId);
        const sheetRecs = (await repo.sheetsOf([overview.id])).map((s) => s.sheet);
        const sheets = [];
        for (const sheet of sheetRecs) {
          const rows = await loadRows(tx, codec, sheet.id, sites);
          const problems = await sheetProblems(
            rows.map((r) => r.data),
            contextOf(sheet, settings, sites),
          );
          const changes = await createRowsRepository({ db: tx }).changesOfSheet(sheet.id);
          const dtos = await rowDtos(tx, rows, problems, sheet, settings, { changes });
          // Grouped once by row: a sheet's rows are written in one pass, not a scan of all changes per row.
          const changesByRow = new Map<string, ExportRow["changes"]>();
          for (const c of changes) {
            if (!c.change.rowId || c.change.kind !== "cell_changed" || !c.change.field) continue;
            const list = changesByRow.get(c.change.rowId) ?? [];
            list.push({
              field: c.change.field as RowField,
              by: c.actorName,
              at: c.change.at,
              from: c.change.fromValue,
            });
            changesByRow.set(c.change.rowId, list);
          }
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
                changes: changesByRow.get(r.rec.id) ?? [],
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
