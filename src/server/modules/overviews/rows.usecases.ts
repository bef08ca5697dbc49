import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { commentBody, Row, RowInput, Sheet, updateRowBody } from "../../../contracts/overviews.ts";
import { changedFieldsOf, displayValue, rowLabel } from "../../../domain/placement-row/changes.ts";
import { emptyRow, type RowData, trackedFields } from "../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../domain/placement-row/input.ts";
import { fieldIssues } from "../../../domain/placement-row/problems.ts";
import { sheetCountsOf } from "../../../domain/placement-row/sheet-counts.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { maskFreeText } from "../../shared/free-text.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { noNationalId } from "../persons/persons.public.ts";
import { userNamesOf } from "../users/users.public.ts";
import { createChangeLog, rowChange } from "./change-log.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { rowDtos, sheetDto } from "./overviews.dtos.ts";
import { invalidRow, rowConflict, versionRequired } from "./overviews.errors.ts";
import { createOverviewsRepository } from "./overviews.repository.ts";
import { createCodec, rowPlaces } from "./row-codec.ts";
import { auditRows, identityFields, personsFor, personsPlaced } from "./row-persons.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { assertEditable, createRowWithdrawal } from "./rows-withdraw.usecases.ts";
import { type SheetContext, withRow, withSheet } from "./sheet-context.ts";
import { loadRows, loadRowsAround, refreshErrorCounts, sheetProblems } from "./sheet-rows.ts";

/** The rows of a sheet: the grid's add, paste, edit, remove and comments, with change tracking after submission. */
export function createRowsUsecases(deps: OverviewsDeps) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);
  const changeLog = createChangeLog(deps);

  /**
   * Rows `ids` as the API shows them, and the rows that may be the same student as one of them or
   * as `like` (the values before a change, a removed row): only these are decrypted, and their
   * error counts stored when they changed.
   */
  async function rowsAround(tx: DbOrTx, c: SheetContext, ids: string[], like: RowData[] = []): Promise<Row[]> {
    const around = await loadRowsAround(tx, { codec, crypto: deps.crypto }, c.sheet.id, c.ctx, { ids, like });
    const problems = await refreshErrorCounts(tx, around, c.ctx);
    return rowDtos(tx, around, problems, c.sheet, c.settings, { onlyIds: new Set(ids) });
  }

  /** The row as it is now (one row decrypted, with the rows that may be the same student). */
  async function currentRow(tx: DbOrTx, c: SheetContext, rowId: string): Promise<Row> {
    return (await rowsAround(tx, c, [rowId]))[0] as Row;
  }

  return {
    withdraw: createRowWithdrawal(deps).withdraw,
    /**
     * A sheet with its rows. Outside a transaction: at PostgreSQL's read committed a transaction
     * gave each statement its own snapshot all the same, and cost a `begin` and a `commit`; on
     * the database handle itself the rows' statement is the one built once (`rowsOfSheet`).
     */
    async list(actor: Actor, sheetId: string): Promise<{ sheet: Sheet; rows: Row[] }> {
      const { sheet, settings, sites, ctx, submittedByName } = await withSheet(db, actor, sheetId);
      const all = await loadRows(db, codec, sheet.id, sites);
      // Reads never write: error counts are refreshed by the saves (which hold the sheet's lock).
      const problems = await sheetProblems(
        all.map((r) => r.data),
        ctx,
      );
      const rows = await rowDtos(db, all, problems, sheet, settings);
      return {
        sheet: sheetDto(sheet, {
          deadlineDays: settings.deadlineDays,
          now: clock.now(),
          submittedByName,
          counts: sheetCountsOf(
            all.map((r) => ({
              errorCount: r.rec.errorCount,
              orderState: r.rec.orderState,
              hrTransferredAt: r.hrTransferredAt,
            })),
          ),
        }),
        rows,
      };
    },

    /**
     * Adds rows (one typed, or several pasted from Excel). Values are stored as typed and flagged
     * with their problems, so nothing pasted is lost; only a placement site id that is not the
     * trust's is refused. A row that names no study programme starts with the document's (the
     * student group's programme). After submission each new row is a change, announced to the other side.
     */
    async create(actor: Actor, sheetId: string, inputs: RowInput[]): Promise<{ rows: Row[] }> {
      return db.transaction(async (tx) => {
        const c = await withSheet(tx, actor, sheetId, { lock: true, policy: "overviews.write" });
        const { sheet, overview, settings, sites } = c;
        const rows = createRowsRepository({ db: tx });
        const base: RowData = { ...emptyRow, studyProgramme: overview.programmeName };
        const prepared = inputs.map((input, i) => {
          const r = applyInput(base, input, { testMode: settings.testMode, sites });
          if (r.unknownSiteId)
            throw invalidRow([{ path: `rows.${i}.placementSiteId`, message: "placement_site.unknown" }]);
          return r.data;
        });
        const personIds = await personsFor(
          tx,
          deps.persons,
          actor,
          overview.institutionId,
          prepared,
          settings.testMode,
        );
        let position = await rows.nextRowPosition(sheet.id);
        const inserted = await rows.insertRows(
          prepared.map((d, i) => {
            const id = randomUUID();
            return {
              id,
              ...codec.toColumns(id, d, settings.testMode),
              sheetId: sheet.id,
              personId: personIds[i] ?? null,
              position: position++,
              addedAfterSubmission: sheet.submittedAt !== null,
              createdAt: clock.now(),
              updatedAt: clock.now(),
            };
          }),
        );
        await auditRows(
          tx,
          actor,
          overview.institutionId,
          inserted.map((row, i) => {
            const d = prepared[i] as RowData;
            const filled = trackedFields.filter((f) => displayValue(d, f));
            return { rowId: row.id, action: "create", fields: filled };
          }),
        );
        if (sheet.submittedAt) {
          await changeLog.record(
            tx,
            actor,
            overview,
            inserted.map((row, i) =>
              rowChange(sheet, row.id, prepared[i] as RowData, {
                kind: "row_added",
                field: null,
                from: null,
                to: rowLabel(prepared[i] as RowData),
              }),
            ),
          );
        }
        await createOverviewsRepository({ db: tx }).touchOverview(overview.id, clock.now());
        await personsPlaced(tx, deps.placed, actor, overview, personIds);
        return {
          rows: await rowsAround(
            tx,
            c,
            inserted.map((r) => r.id),
          ),
        };
      });
    },

    /**
     * Changes cells of a row. The version must be the row's current one (409 `rows.conflict` with the
     * row as it is now otherwise); a value that is not valid for its field is refused with 400
     * `rows.invalid` and nothing is saved. After submission each changed cell is a change. An
     * anonymised row is read-only (409 `rows.anonymised`).
     */
    async update(actor: Actor, rowId: string, body: z.infer<typeof updateRowBody>): Promise<Row> {
      const { version, ...input } = body;
      return db.transaction(async (tx) => {
        const c = await withRow(tx, actor, rowId, { lock: true, policy: "overviews.write" });
        const { row, sheet, overview, settings, sites, ctx } = c;
        assertEditable(row);
        if (row.version !== version) throw rowConflict(await currentRow(tx, c, rowId));
        const before = codec.toData(row, sites);
        const { data, unknownSiteId } = applyInput(before, input, { testMode: settings.testMode, sites });
        const issues = fieldIssues(data, input, ctx, unknownSiteId);
        if (issues.length > 0) throw invalidRow(issues);
        const changed = changedFieldsOf(before, data);
        if (changed.length === 0) return currentRow(tx, c, rowId);
        const personId = changed.some((f) => identityFields.includes(f))
          ? ((await personsFor(tx, deps.persons, actor, overview.institutionId, [data], settings.testMode))[0] ??
            row.personId)
          : row.personId;
        const updated = await createRowsRepository({ db: tx }).updateRow(rowId, version, {
          ...codec.toColumns(rowId, data, settings.testMode),
          personId,
          updatedAt: clock.now(),
        });
        if (!updated) throw rowConflict(await currentRow(tx, c, rowId));
        await auditRows(tx, actor, overview.institutionId, [{ rowId, action: "update", fields: changed }]);
        if (sheet.submittedAt) {
          await changeLog.record(
            tx,
            actor,
            overview,
            changed.map((f) =>
              rowChange(sheet, rowId, data, {
                kind: "cell_changed",
                field: f,
                from: displayValue(before, f) || null,
                to: displayValue(data, f) || null,
              }),
            ),
          );
        }
        await createOverviewsRepository({ db: tx }).touchOverview(overview.id, clock.now());
        if (changed.some((f) => identityFields.includes(f)))
          await personsPlaced(tx, deps.placed, actor, overview, [personId, row.personId]);
        // The rows that were or now are the same student as this one get their error counts anew.
        return (await rowsAround(tx, c, [rowId], [before]))[0] as Row;
      });
    },

    /** Removes a row (with its version); an anonymised row stays (409 `rows.anonymised`). */
    async remove(actor: Actor, rowId: string, version: number | undefined): Promise<{ ok: true }> {
      return db.transaction(async (tx) => {
        const c = await withRow(tx, actor, rowId, { lock: true, policy: "overviews.write" });
        const { row, sheet, overview, sites } = c;
        assertEditable(row);
        if (version === undefined || Number.isNaN(version)) throw versionRequired();
        if (row.version !== version) throw rowConflict(await currentRow(tx, c, rowId));
        const data = codec.toData(row, sites);
        if (!(await createRowsRepository({ db: tx }).deleteRow(rowId, version)))
          throw rowConflict(await currentRow(tx, c, rowId));
        await auditRows(tx, actor, overview.institutionId, [{ rowId, action: "delete", fields: [] }]);
        if (sheet.submittedAt) {
          await changeLog.record(tx, actor, overview, [
            rowChange(sheet, rowId, data, { kind: "row_removed", field: null, from: rowLabel(data), to: null }),
          ]);
        }
        // A duplicate the removed row made is gone from the rows that are the same student.
        await rowsAround(tx, c, [], [data]);
        await personsPlaced(tx, deps.placed, actor, overview, [row.personId]);
        await createOverviewsRepository({ db: tx }).touchOverview(overview.id, clock.now());
        return { ok: true as const };
      });
    },

    /**
     * A signed, dated comment; after submission also a change, announced. Not on an anonymised row
     * (409). National IDs in it are masked before it is stored or sent on, and the notices say so.
     */
    async comment(actor: Actor, rowId: string, input: z.infer<typeof commentBody>) {
      const body = maskFreeText("body", input.body);
      return db.transaction(async (tx) => {
        // Locked as a save does, so the retention job cannot anonymise the row in between.
        const found = await withRow(tx, actor, rowId, { lock: true, policy: "overviews.write" });
        assertEditable(found.row);
        const [comment] = await createRowsRepository({ db: tx }).insertComments([
          { rowId, authorId: actor.userId, body: body.text, createdAt: clock.now() },
        ]);
        if (!comment) throw new Error("The comment was not stored.");
        await writeAudit(tx, auditContext(actor), {
          entity: "row_comment",
          entityId: comment.id,
          action: "create",
          fields: ["body"],
          institutionId: found.overview.institutionId,
        });
        if (found.sheet.submittedAt) {
          const data = codec.toData(found.row, found.sites);
          await changeLog.record(tx, actor, found.overview, [
            rowChange(found.sheet, rowId, data, { kind: "comment_added", field: null, from: null, to: body.text }),
          ]);
        }
        return {
          id: comment.id,
          body: comment.body,
          author: { id: actor.userId, name: (await userNamesOf(tx, [actor.userId])).get(actor.userId) ?? "" },
          at: comment.createdAt.toISOString(),
          notices: body.notices,
        };
      });
    },

    /** The row's national ID in full for its institution's coordinators, FOU and admins; audited. */
    async revealNationalId(actor: Actor, rowId: string): Promise<{ nationalId: string }> {
      return db.transaction(async (tx) => {
        const found = await withRow(tx, actor, rowId, { policy: "persons.revealNationalId" });
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
