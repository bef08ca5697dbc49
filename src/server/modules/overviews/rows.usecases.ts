import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { commentBody, Row, RowField, RowInput, Sheet, updateRowBody } from "../../../contracts/overviews.ts";
import { changedFieldsOf, displayValue, rowLabel } from "../../../domain/placement-row/changes.ts";
import type { Site } from "../../../domain/placement-row/context.ts";
import { emptyRow, type RowData, trackedFields } from "../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../domain/placement-row/input.ts";
import { fieldIssues } from "../../../domain/placement-row/problems.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { maskFreeText } from "../../shared/free-text.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { noNationalId } from "../persons/persons.errors.ts";
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
  sheetDto,
  sheetProblems,
  type TrustSettings,
} from "./overviews.core.ts";
import {
  invalidRow,
  rowAnonymised,
  rowConflict,
  rowNotFound,
  sheetNotFound,
  versionRequired,
} from "./overviews.errors.ts";
import { createOverviewsRepository, type Scope, type SheetRecord } from "./overviews.repository.ts";
import { createCodec, rowPlaces } from "./row-codec.ts";

const identityFields: RowField[] = ["nationalId", "dNumber", "email", "lastName", "firstName", "birthDate"];

export const personName = (d: Pick<RowData, "firstName" | "lastName">) =>
  [d.firstName, d.lastName].filter(Boolean).join(" ");

/** The rows of a sheet: the grid's add, paste, edit, remove and comments, with change tracking after submission. */
export function createRowsUsecases(deps: OverviewsDeps) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);

  async function sheetInScope(tx: DbOrTx, scope: Scope, sheetId: string) {
    const repo = createOverviewsRepository({ db: tx });
    const sheet = await repo.findSheet(scope, sheetId);
    if (!sheet) throw sheetNotFound();
    const overview = await repo.findOverview(scope, sheet.overviewId);
    if (!overview) throw sheetNotFound();
    const settings = await repo.trustSettings(scope.trustId);
    const sites = await repo.sites(scope.trustId);
    return { sheet, overview, settings, sites, ctx: contextOf(sheet, settings, sites) };
  }

  async function dtosOf(
    tx: DbOrTx,
    sheet: SheetRecord,
    settings: TrustSettings,
    sites: Site[],
    onlyIds?: Set<string>,
    opts: { readOnly?: boolean } = {},
  ): Promise<{ rows: Row[]; all: LoadedRow[] }> {
    const all = await loadRows(tx, codec, sheet.id, sites);
    const ctx = contextOf(sheet, settings, sites);
    // Reads never write: error counts are refreshed by the saves (which hold the sheet's lock).
    const problems = opts.readOnly
      ? sheetProblems(
          all.map((r) => r.data),
          ctx,
        )
      : await refreshErrorCounts(tx, all, ctx);
    return { rows: await rowDtos(tx, all, problems, sheet, settings, onlyIds), all };
  }

  async function rowInScope(tx: DbOrTx, scope: Scope, rowId: string, forUpdate = false) {
    const repo = createOverviewsRepository({ db: tx });
    let found = await repo.findRow(scope, rowId);
    if (found && forUpdate) {
      await repo.lockSheet(found.sheet.id);
      found = await repo.findRow(scope, rowId, { forUpdate });
    }
    if (!found) throw rowNotFound();
    const overview = await repo.findOverview(scope, found.overviewId);
    if (!overview) throw rowNotFound();
    const settings = await repo.trustSettings(scope.trustId);
    const sites = await repo.sites(scope.trustId);
    return { ...found, overview, settings, sites, ctx: contextOf(found.sheet, settings, sites) };
  }

  async function currentRow(tx: DbOrTx, sheet: SheetRecord, settings: TrustSettings, sites: Site[], rowId: string) {
    const { rows } = await dtosOf(tx, sheet, settings, sites, new Set([rowId]));
    return rows[0] as Row;
  }

  const submittedEntry = (
    sheet: SheetRecord,
    rowId: string,
    d: RowData,
    e: Pick<ChangeEntry, "kind" | "field" | "from" | "to">,
  ): ChangeEntry => ({
    sheetId: sheet.id,
    sheetName: sheet.name,
    rowId,
    rowLabel: rowLabel(d),
    personName: personName(d),
    ...e,
  });

  return {
    async list(actor: Actor, sheetId: string): Promise<{ sheet: Sheet; rows: Row[] }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const { sheet, settings, sites } = await sheetInScope(tx, scope, sheetId);
        const { rows } = await dtosOf(tx, sheet, settings, sites, undefined, { readOnly: true });
        const repo = createOverviewsRepository({ db: tx });
        const counts = await repo.sheetCounts([sheet.id]);
        return {
          sheet: sheetDto(sheet, {
            deadlineDays: settings.deadlineDays,
            now: clock.now(),
            submittedByName: sheet.submittedBy ? await repo.userName(sheet.submittedBy) : null,
            counts: counts.get(sheet.id),
          }),
          rows,
        };
      });
    },

    /**
     * Adds rows (one typed, or several pasted from Excel). Values are stored as typed and flagged
     * with their problems, so nothing pasted is lost; only a placement site id that is not the
     * trust's is refused. A row that names no study programme starts with the document's (the
     * student group's programme). After submission each new row is a change, announced to the other side.
     */
    async create(actor: Actor, sheetId: string, inputs: RowInput[]): Promise<{ rows: Row[] }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const { sheet, overview, settings, sites } = await sheetInScope(tx, scope, sheetId);
        const repo = createOverviewsRepository({ db: tx });
        await repo.lockSheet(sheet.id);
        const base: RowData = { ...emptyRow, studyProgramme: overview.programmeName };
        const prepared = inputs.map((input, i) => {
          const r = applyInput(base, input, { testMode: settings.testMode, sites });
          if (r.unknownSiteId)
            throw invalidRow([{ path: `rows.${i}.placementSiteId`, message: "placement_site.unknown" }]);
          return r.data;
        });
        let position = await repo.nextRowPosition(sheet.id);
        const values = [];
        for (const d of prepared) {
          const id = randomUUID();
          values.push({
            id,
            ...codec.toColumns(id, d, settings.testMode),
            sheetId: sheet.id,
            personId: await personFor(tx, deps.persons, actor, overview.institutionId, d, settings.testMode),
            position: position++,
            addedAfterSubmission: sheet.submittedAt !== null,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          });
        }
        const inserted = await repo.insertRows(values);
        for (const [i, row] of inserted.entries()) {
          const d = prepared[i] as RowData;
          const filled = trackedFields.filter((f) => displayValue(d, f));
          await auditRow(tx, actor, overview.institutionId, row.id, "create", filled);
        }
        if (sheet.submittedAt) {
          await recordChanges(
            tx,
            deps,
            actor,
            overview,
            inserted.map((row, i) =>
              submittedEntry(sheet, row.id, prepared[i] as RowData, {
                kind: "row_added",
                field: null,
                from: null,
                to: rowLabel(prepared[i] as RowData),
              }),
            ),
          );
        }
        await repo.touchOverview(overview.id, clock.now());
        const { rows } = await dtosOf(tx, sheet, settings, sites, new Set(inserted.map((r) => r.id)));
        return { rows };
      });
    },

    /**
     * Changes cells of a row. The version must be the row's current one (409 `rows.conflict` with the
     * row as it is now otherwise); a value that is not valid for its field is refused with 400
     * `rows.invalid` and nothing is saved. After submission each changed cell is a change. An
     * anonymised row is read-only (409 `rows.anonymised`).
     */
    async update(actor: Actor, rowId: string, body: z.infer<typeof updateRowBody>): Promise<Row> {
      const scope = scopeOf(actor);
      const { version, ...input } = body;
      return db.transaction(async (tx) => {
        const found = await rowInScope(tx, scope, rowId, true);
        const { sheet, overview, settings, sites, ctx } = found;
        if (found.row.anonymisedAt) throw rowAnonymised();
        if (found.row.version !== version) throw rowConflict(await currentRow(tx, sheet, settings, sites, rowId));
        const before = codec.toData(found.row, sites);
        const { data, unknownSiteId } = applyInput(before, input, { testMode: settings.testMode, sites });
        const issues = fieldIssues(data, input, ctx, unknownSiteId);
        if (issues.length > 0) throw invalidRow(issues);
        const changed = changedFieldsOf(before, data);
        if (changed.length === 0) return currentRow(tx, sheet, settings, sites, rowId);
        const repo = createOverviewsRepository({ db: tx });
        const personId = changed.some((f) => identityFields.includes(f))
          ? ((await personFor(tx, deps.persons, actor, overview.institutionId, data, settings.testMode)) ??
            found.row.personId)
          : found.row.personId;
        const updated = await repo.updateRow(rowId, version, {
          ...codec.toColumns(rowId, data, settings.testMode),
          personId,
          updatedAt: clock.now(),
        });
        if (!updated) throw rowConflict(await currentRow(tx, sheet, settings, sites, rowId));
        await auditRow(tx, actor, overview.institutionId, rowId, "update", changed);
        if (sheet.submittedAt) {
          await recordChanges(
            tx,
            deps,
            actor,
            overview,
            changed.map((f) =>
              submittedEntry(sheet, rowId, data, {
                kind: "cell_changed",
                field: f,
                from: displayValue(before, f) || null,
                to: displayValue(data, f) || null,
              }),
            ),
          );
        }
        await repo.touchOverview(overview.id, clock.now());
        return currentRow(tx, sheet, settings, sites, rowId);
      });
    },

    /** Removes a row (with its version); an anonymised row stays (409 `rows.anonymised`). */
    async remove(actor: Actor, rowId: string, version: number | undefined): Promise<{ ok: true }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const found = await rowInScope(tx, scope, rowId, true);
        const { sheet, overview, settings, sites } = found;
        if (found.row.anonymisedAt) throw rowAnonymised();
        if (version === undefined || Number.isNaN(version)) throw versionRequired();
        if (found.row.version !== version) throw rowConflict(await currentRow(tx, sheet, settings, sites, rowId));
        const repo = createOverviewsRepository({ db: tx });
        const data = codec.toData(found.row, sites);
        if (!(await repo.deleteRow(rowId, version)))
          throw rowConflict(await currentRow(tx, sheet, settings, sites, rowId));
        await auditRow(tx, actor, overview.institutionId, rowId, "delete", []);
        if (sheet.submittedAt) {
          await recordChanges(tx, deps, actor, overview, [
            submittedEntry(sheet, rowId, data, { kind: "row_removed", field: null, from: rowLabel(data), to: null }),
          ]);
        }
        await refreshErrorCounts(tx, await loadRows(tx, codec, sheet.id, sites), found.ctx);
        await repo.touchOverview(overview.id, clock.now());
        return { ok: true as const };
      });
    },

    /**
     * A signed, dated comment; after submission also a change, announced. Not on an anonymised row
     * (409). National IDs in it are masked before it is stored or sent on, and the notices say so.
     */
    async comment(actor: Actor, rowId: string, input: z.infer<typeof commentBody>) {
      const scope = scopeOf(actor);
      const body = maskFreeText("body", input.body);
      return db.transaction(async (tx) => {
        // Locked as a save does, so the retention job cannot anonymise the row in between.
        const found = await rowInScope(tx, scope, rowId, true);
        if (found.row.anonymisedAt) throw rowAnonymised();
        const repo = createOverviewsRepository({ db: tx });
        const comment = await repo.insertComment({
          rowId,
          authorId: actor.userId,
          body: body.text,
          createdAt: clock.now(),
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "row_comment",
          entityId: comment.id,
          action: "create",
          fields: ["body"],
          institutionId: found.overview.institutionId,
        });
        if (found.sheet.submittedAt) {
          const data = codec.toData(found.row, found.sites);
          await recordChanges(tx, deps, actor, found.overview, [
            submittedEntry(found.sheet, rowId, data, {
              kind: "comment_added",
              field: null,
              from: null,
              to: body.text,
            }),
          ]);
        }
        return {
          id: comment.id,
          body: comment.body,
          author: { id: actor.userId, name: await repo.userName(actor.userId) },
          at: comment.createdAt.toISOString(),
          notices: body.notices,
        };
      });
    },

    /** The row's national ID in full for its institution's coordinators, FOU and admins; audited. */
    async revealNationalId(actor: Actor, rowId: string): Promise<{ nationalId: string }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const found = await rowInScope(tx, scope, rowId);
        if (!found.row.nationalIdEnc) throw noNationalId();
        const nationalId = deps.crypto.decrypt(found.row.nationalIdEnc, rowPlaces(rowId).nationalId);
        await writeAudit(tx, auditContext(actor), {
          entity: "placement_row",
          entityId: rowId,
          action: "reveal_national_id",
          fields: ["national_id"],
          institutionId: found.overview.institutionId,
        });
        return { nationalId };
      });
    },
  };
}
export type RowsUsecases = ReturnType<typeof createRowsUsecases>;
