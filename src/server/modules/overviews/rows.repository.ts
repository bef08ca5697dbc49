import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { insertInSets } from "../../shared/insert-sets.ts";
import { anyOf, chunked, chunkedByParameters } from "../../shared/sql-sets.ts";
import { persons } from "../persons/persons.table.ts";
import { userNameOf } from "../users/users.public.ts";
import type { Scope } from "./access-scope.ts";
import type { PlacementRowRecord, RowInsert } from "./overviews.repository.ts";
import { overviews, placementRows, rowChanges, rowComments, sheets } from "./overviews.table.ts";
import { searchRowsByName } from "./row-search.ts";
import { inScope } from "./scope-sql.ts";

const rowColumns = Object.keys(getTableColumns(placementRows)).length;

/**
 * A sheet's rows in order, with their persons' registration (`sheetId` a placeholder): one join, not
 * a look-up of the person per column and row.
 */
const rowsOfSheetQuery = (db: DbOrTx) =>
  db
    .select({
      row: placementRows,
      registeredAt: persons.registeredAt,
      hrTransferredAt: persons.hrTransferredAt,
      learningPortalState: persons.learningPortalState,
    })
    .from(placementRows)
    .leftJoin(persons, eq(persons.id, placementRows.personId))
    .where(eq(placementRows.sheetId, sql.placeholder("sheetId")))
    .orderBy(asc(placementRows.position), asc(placementRows.createdAt));
/** Opening a sheet reads it on every request: built once. */
const rowsOfSheetPrepared = builtOnce((db) => rowsOfSheetQuery(db).prepare("overviews_rows_of_sheet"));

/**
 * A whole sheet's comments and changes, by the sheet rather than by a list of its rows' ids sent
 * along: PostgreSQL read such a list against every comment and change of the region (a sequential
 * scan, 7 ms for a sheet of 200 rows at full scale). The changes are found by the sheet's index
 * (0.3 ms; rows never change sheet, so the sheet's changes are its rows' own); the comments by the
 * rows' index with the ids the sheet's rows give (`= any(array(…))`: a join let the plan kept for
 * the statement read every comment of the region). Built once.
 */
const commentsOfSheet = builtOnce((db) =>
  db
    .select({ comment: rowComments, authorName: userNameOf(rowComments.authorId) })
    .from(rowComments)
    .where(
      sql`${rowComments.rowId} = any(array(select ${placementRows.id} from ${placementRows} where ${placementRows.sheetId} = ${sql.placeholder("sheetId")}))`,
    )
    .orderBy(asc(rowComments.createdAt))
    .prepare("overviews_comments_of_sheet"),
);
const changesOfSheet = builtOnce((db) =>
  db
    .select({ change: rowChanges, actorName: userNameOf(rowChanges.actorId), sheetName: sheets.name })
    .from(rowChanges)
    .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
    .where(eq(rowChanges.sheetId, sql.placeholder("sheetId")))
    .orderBy(desc(rowChanges.at))
    .prepare("overviews_changes_of_sheet"),
);

/** Placement rows, their comments and their change history. */
export function createRowsRepository({ db }: { db: DbOrTx }) {
  return {
    /** A sheet's rows in order, with their persons' registration; `forUpdate` locks them for the transaction. */
    rowsOfSheet(sheetId: string, opts: { forUpdate?: boolean } = {}) {
      return opts.forUpdate
        ? rowsOfSheetQuery(db).for("update", { of: placementRows }).execute({ sheetId })
        : rowsOfSheetPrepared(db).execute({ sheetId });
    },
    /** A row in scope with its sheet and document; `forUpdate` locks it for the transaction. */
    async findRow(scope: Scope, rowId: string, opts: { forUpdate?: boolean } = {}) {
      const q = db
        .select({ row: placementRows, sheet: sheets, overviewId: overviews.id, institutionId: overviews.institutionId })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(inScope(scope), eq(placementRows.id, rowId)));
      const [row] = await (opts.forUpdate ? q.for("update", { of: placementRows }) : q);
      return row;
    },
    async nextRowPosition(sheetId: string) {
      const [row] = await db
        .select({ max: sql<number>`coalesce(max(${placementRows.position}), 0)`.mapWith(Number) })
        .from(placementRows)
        .where(eq(placementRows.sheetId, sheetId));
      return (row?.max ?? 0) + 1;
    },
    /** Inserts rows, as many per statement as the parameter limit allows; in the order given. */
    async insertRows(values: RowInsert[]) {
      const out: PlacementRowRecord[] = [];
      for (const part of chunkedByParameters(values, rowColumns)) {
        out.push(...(await db.insert(placementRows).values(part).returning()));
      }
      return out;
    },
    /** `insertRows` for a caller that needs nothing back (an import): in sets, nothing sent back and mapped. */
    async addRows(values: RowInsert[]) {
      await insertInSets(db, placementRows, values);
    },
    /** Updates a row when it still has `version`; undefined when someone else changed it first. */
    async updateRow(id: string, version: number, values: Partial<RowInsert>) {
      const [row] = await db
        .update(placementRows)
        .set({ ...values, version: sql`${placementRows.version} + 1` })
        .where(and(eq(placementRows.id, id), eq(placementRows.version, version)))
        .returning();
      return row;
    },
    /**
     * Writes whole rows that exist (an import, which holds their locks): one statement per part, each
     * row's columns as given and its version one up.
     */
    async rewriteRows(values: PlacementRowRecord[]) {
      const columns = Object.entries(getTableColumns(placementRows))
        .filter(([key]) => key !== "id" && key !== "version" && key !== "createdAt")
        .map(([, col]) => sql.raw(`"${col.name}" = excluded."${col.name}"`));
      await insertInSets(
        db,
        placementRows,
        values,
        sql`on conflict (id) do update set ${sql.join(columns, sql`, `)}, version = ${placementRows.version} + 1`,
      );
    },
    /** Stores each row's error count: one statement per part. */
    async setErrorCounts(updates: { id: string; errorCount: number }[]) {
      for (const part of chunkedByParameters(updates, 2)) {
        const values = sql.join(
          part.map((u) => sql`(${u.id}::uuid, ${u.errorCount}::integer)`),
          sql`, `,
        );
        await db.execute(
          sql`update ${placementRows} set error_count = v.n from (values ${values}) as v(id, n) where ${placementRows.id} = v.id`,
        );
      }
    },
    async deleteRow(id: string, version: number) {
      const [row] = await db
        .delete(placementRows)
        .where(and(eq(placementRows.id, id), eq(placementRows.version, version)))
        .returning({ id: placementRows.id });
      return row;
    },
    async deleteRows(ids: string[]) {
      for (const part of chunked(ids, 10_000))
        await db.delete(placementRows).where(anyOf(placementRows.id, part, "uuid"));
    },

    /** Comments of these rows, oldest first, with their authors' names. */
    async commentsOf(rowIds: string[]) {
      const comments: { comment: typeof rowComments.$inferSelect; authorName: string }[] = [];
      for (const part of chunked(rowIds, 10_000)) {
        comments.push(
          ...(await db
            .select({ comment: rowComments, authorName: userNameOf(rowComments.authorId) })
            .from(rowComments)
            .where(anyOf(rowComments.rowId, part, "uuid"))
            .orderBy(asc(rowComments.createdAt))),
        );
      }
      return comments;
    },
    /** Comments of every row of a sheet, oldest first, with their authors' names. */
    commentsOfSheet: (sheetId: string) => commentsOfSheet(db).execute({ sheetId }),
    async insertComments(values: (typeof rowComments.$inferInsert)[]) {
      const out: (typeof rowComments.$inferSelect)[] = [];
      for (const part of chunked(values, 5000)) out.push(...(await db.insert(rowComments).values(part).returning()));
      return out;
    },
    async insertChanges(values: (typeof rowChanges.$inferInsert)[]) {
      await insertInSets(db, rowChanges, values);
    },
    /** Changes of these rows, newest first. */
    async changesOfRows(rowIds: string[]) {
      if (rowIds.length === 0) return [];
      const rows = [];
      for (const part of chunked(rowIds, 10_000)) {
        rows.push(
          ...(await db
            .select({ change: rowChanges, actorName: userNameOf(rowChanges.actorId), sheetName: sheets.name })
            .from(rowChanges)
            .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
            .where(anyOf(rowChanges.rowId, part, "uuid"))
            .orderBy(desc(rowChanges.at))),
        );
      }
      return rows;
    },
    /** Changes of every row of a sheet (and of the sheet itself), newest first. */
    changesOfSheet: (sheetId: string) => changesOfSheet(db).execute({ sheetId }),
    async changesOfOverview(overviewId: string) {
      return db
        .select({ change: rowChanges, actorName: userNameOf(rowChanges.actorId), sheetName: sheets.name })
        .from(rowChanges)
        .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
        .where(eq(rowChanges.overviewId, overviewId))
        .orderBy(desc(rowChanges.at), desc(rowChanges.id));
    },

    /** Rows in the scope by a part of a name (row-search.ts). */
    search: (scope: Scope, q: string, limit: number) => searchRowsByName(db, scope, q, limit),
  };
}
export type RowsRepository = ReturnType<typeof createRowsRepository>;
