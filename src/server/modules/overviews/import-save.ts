import { randomUUID } from "node:crypto";
import { displayValue, rowLabel } from "../../../domain/placement-row/changes.ts";
import type { RowData } from "../../../domain/placement-row/fields.ts";
import { isError } from "../../../domain/placement-row/problems.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { slices } from "../../shared/slices.ts";
import { type AuditEntry, columnName, writeAudits } from "../audit/audit.public.ts";
import type { TrustSettings } from "../trusts/trusts.public.ts";
import { type ChangeEntry, type ChangeLog, rowChange, sheetAdded } from "./change-log.ts";
import type { PlannedRow, PlannedSheet } from "./import-plan.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import {
  createOverviewsRepository,
  type OverviewRecord,
  type PlacementRowRecord,
  type RowInsert,
  type SheetRecord,
} from "./overviews.repository.ts";
import type { Codec } from "./row-codec.ts";
import { personsFor, personsPlaced } from "./row-persons.ts";
import { createRowsRepository } from "./rows.repository.ts";

const errorsOf = (r: PlannedRow) => r.problems.filter(isError).length;

/**
 * Saves a planned import in sets, in the caller's transaction: new sheets, then the persons of every
 * new and changed row in one match, then the rows inserted, rewritten and deleted in batches, the
 * new comments (existing ones read once), one batch of audit rows and one of changes. Error counts
 * come from the plan, which checked the rows as they will be stored, so nothing is loaded again.
 * Returns whether anything was saved.
 */
export async function saveImport(
  tx: DbOrTx,
  deps: Pick<OverviewsDeps, "clock" | "persons" | "placed"> & { codec: Codec; changeLog: ChangeLog },
  actor: Actor,
  target: { overview: OverviewRecord; settings: TrustSettings },
  planned: PlannedSheet[],
): Promise<boolean> {
  const { overview, settings } = target;
  const { codec } = deps;
  const repo = createOverviewsRepository({ db: tx });
  const rows = createRowsRepository({ db: tx });
  const now = deps.clock.now();
  const audits: AuditEntry[] = [];
  const changes: ChangeEntry[] = [];
  const audit = (entry: Omit<AuditEntry, "institutionId">) =>
    audits.push({ ...entry, institutionId: overview.institutionId });
  const documentSubmitted = await repo.hasSubmittedSheet(overview.id);

  // Sheets first: their ids go into the rows.
  const sheets = new Map<PlannedSheet, SheetRecord>();
  for (const s of planned) {
    if (s.existing) {
      sheets.set(s, s.existing);
      continue;
    }
    const period = s.period as { startDate: string; endDate: string };
    const sheet = (await repo.createSheet({
      overviewId: overview.id,
      kind: s.report.kind,
      name: s.parsed.name.trim(),
      startDate: period.startDate,
      endDate: period.endDate,
      position: await repo.nextSheetPosition(overview.id),
      createdAt: now,
      updatedAt: now,
    })) as SheetRecord;
    sheets.set(s, sheet);
    audit({
      entity: "sheet",
      entityId: sheet.id,
      action: "import",
      fields: ["name", "kind", "start_date", "end_date"],
    });
    if (documentSubmitted) changes.push(sheetAdded(sheet));
  }

  // One person match for every row that is new or changed, in the file's order.
  const matched = planned.flatMap((s) => s.rows.filter((r) => !r.existing || r.changed.length > 0));
  const personIds = await personsFor(
    tx,
    deps.persons,
    actor,
    overview.institutionId,
    matched.map((r) => r.data),
    settings.testMode,
  );
  const personOf = new Map(matched.map((r, i) => [r, personIds[i] ?? null]));

  const inserts: RowInsert[] = [];
  const rewrites: PlacementRowRecord[] = [];
  const errorCounts: { id: string; errorCount: number }[] = [];
  const removed: string[] = [];
  const comments: { id: string; rowId: string; authorId: string; body: string; createdAt: Date }[] = [];
  // Comments: a body the row already has is not added again (the rows' comments read once).
  const had = new Map<string, Set<string>>();
  const commentedRows = planned.flatMap((s) => s.rows.filter((r) => r.existing && r.comments.length > 0));
  for (const c of await rows.commentsOf(commentedRows.map((r) => r.existing?.rec.id as string))) {
    const bodies = had.get(c.comment.rowId) ?? new Set<string>();
    bodies.add(c.comment.body.trim());
    had.set(c.comment.rowId, bodies);
  }
  for (const s of planned) {
    const sheet = sheets.get(s) as SheetRecord;
    const sub = sheet.submittedAt !== null;
    const entry = (rowId: string, d: RowData, e: Pick<ChangeEntry, "kind" | "field" | "from" | "to">) => {
      if (sub) changes.push(rowChange(sheet, rowId, d, e));
    };
    let position = s.existing ? await rows.nextRowPosition(sheet.id) : 1;
    const turn = slices();
    for (const r of s.rows) {
      await turn();
      let rowId: string;
      if (!r.existing) {
        rowId = randomUUID();
        inserts.push({
          id: rowId,
          ...codec.toColumns(rowId, r.data, settings.testMode),
          sheetId: sheet.id,
          personId: personOf.get(r) ?? null,
          position: position++,
          errorCount: errorsOf(r),
          addedAfterSubmission: sub,
          createdAt: now,
          updatedAt: now,
        });
        r.report.rowId = rowId;
        audit({ entity: "placement_row", entityId: rowId, action: "import", fields: ["row"] });
        entry(rowId, r.data, { kind: "row_added", field: null, from: null, to: rowLabel(r.data) });
      } else {
        const existing = r.existing;
        rowId = existing.rec.id;
        if (r.changed.length > 0) {
          rewrites.push({
            ...existing.rec,
            ...codec.toColumns(rowId, r.data, settings.testMode),
            personId: personOf.get(r) ?? existing.rec.personId,
            errorCount: errorsOf(r),
            updatedAt: now,
          } as PlacementRowRecord);
          audit({ entity: "placement_row", entityId: rowId, action: "import", fields: r.changed.map(columnName) });
          for (const f of r.changed) {
            entry(rowId, r.data, {
              kind: "cell_changed",
              field: f,
              from: displayValue(existing.data, f) || null,
              to: displayValue(r.data, f) || null,
            });
          }
        } else if (existing.rec.errorCount !== errorsOf(r)) {
          errorCounts.push({ id: rowId, errorCount: errorsOf(r) });
        }
      }
      for (const body of r.comments) {
        if (had.get(rowId)?.has(body)) continue;
        const id = randomUUID();
        comments.push({ id, rowId, authorId: actor.userId, body, createdAt: now });
        audit({ entity: "row_comment", entityId: id, action: "import", fields: ["body"] });
        entry(rowId, r.data, { kind: "comment_added", field: null, from: null, to: body });
      }
    }
    for (const gone of s.removed) {
      removed.push(gone.rec.id);
      audit({ entity: "placement_row", entityId: gone.rec.id, action: "delete", fields: [] });
      entry(gone.rec.id, gone.data, { kind: "row_removed", field: null, from: rowLabel(gone.data), to: null });
    }
    s.report.sheetId = sheet.id;
  }
  await rows.addRows(inserts);
  await rows.rewriteRows(rewrites);
  await rows.setErrorCounts(errorCounts);
  await rows.deleteRows(removed);

  await rows.insertComments(comments);

  await writeAudits(tx, auditContext(actor), audits);
  await deps.changeLog.record(tx, actor, overview, changes);
  await personsPlaced(tx, deps.placed, actor, overview, [
    ...personIds,
    ...planned.flatMap((s) => [
      ...s.rows.flatMap((r) => (r.existing && r.changed.length > 0 ? [r.existing.rec.personId] : [])),
      ...s.removed.map((gone) => gone.rec.personId),
    ]),
  ]);
  const touched = audits.length > 0;
  if (touched) await repo.touchOverview(overview.id, now);
  return touched;
}
