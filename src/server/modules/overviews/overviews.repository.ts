import { and, asc, count, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { transferredToHr } from "../persons/persons.public.ts";
import { userNameOf } from "../users/users.public.ts";
import type { Scope } from "./access-scope.ts";
import { overviewColumns } from "./overview-columns.ts";
import { listOrder, listWhere, type OverviewListFilter } from "./overview-list-query.ts";
import { overviews, placementRows, sheets, studentGroups } from "./overviews.table.ts";
import { inScope } from "./scope-sql.ts";
import { findOverviewInScope, findSheetInScope } from "./scoped-finds.repository.ts";
import { countsOfEachSheet, sheetCountsOver } from "./sheet-counts-sql.ts";

export type SheetRecord = typeof sheets.$inferSelect;
export type PlacementRowRecord = typeof placementRows.$inferSelect;
export type RowInsert = typeof placementRows.$inferInsert;

import type { OverviewRecord } from "./overview-columns.ts";

export type { OverviewRecord };

/** Documents (with their student group) and their sheets. */
export function createOverviewsRepository({ db }: { db: DbOrTx }) {
  return {
    async findGroup(v: { trustId: string; institutionId: string; programmeId: string; cohort: number }) {
      const [row] = await db
        .select()
        .from(studentGroups)
        .where(
          and(
            eq(studentGroups.trustId, v.trustId),
            eq(studentGroups.institutionId, v.institutionId),
            eq(studentGroups.programmeId, v.programmeId),
            eq(studentGroups.cohort, v.cohort),
          ),
        );
      return row;
    },
    async createGroup(v: typeof studentGroups.$inferInsert) {
      const [row] = await db.insert(studentGroups).values(v).onConflictDoNothing().returning();
      return row;
    },
    async overviewOfGroup(groupId: string) {
      const [row] = await db.select({ id: overviews.id }).from(overviews).where(eq(overviews.groupId, groupId));
      return row;
    },
    async createOverview(v: typeof overviews.$inferInsert) {
      const [row] = await db.insert(overviews).values(v).onConflictDoNothing().returning({ id: overviews.id });
      return row;
    },
    async touchOverview(id: string, at: Date) {
      await db.update(overviews).set({ updatedAt: at }).where(eq(overviews.id, id));
    },
    /**
     * One page of the documents in scope that match `filter`, in its order, and how many match in
     * all: one statement whatever the number of documents (the page is chosen first, then joined
     * to its documents' names).
     */
    async listPage(scope: Scope, filter: OverviewListFilter): Promise<{ items: OverviewRecord[]; total: number }> {
      const where = listWhere(scope, filter);
      const orderBy = listOrder(filter.sort, filter.dir);
      const page = db.$with("page").as(
        db
          .select({
            id: overviews.id,
            ord: sql<number>`row_number() over (order by ${sql.join(orderBy, sql`, `)})`.as("ord"),
            total: sql<number>`(count(*) over ())::int`.as("total"),
          })
          .from(overviews)
          .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
          .where(where)
          .orderBy(...orderBy)
          .limit(filter.limit)
          .offset(filter.offset),
      );
      const rows = await db
        .with(page)
        .select({ ...overviewColumns, total: page.total })
        .from(page)
        .innerJoin(overviews, eq(overviews.id, page.id))
        .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
        .orderBy(page.ord);
      if (rows.length === 0 && filter.offset > 0) {
        // Past the last page (the list shrank since the link was made): the total still, for the pager.
        const [counted] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(overviews)
          .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
          .where(where);
        return { items: [], total: counted?.n ?? 0 };
      }
      return { items: rows.map(({ total: _, ...rec }) => rec), total: rows[0]?.total ?? 0 };
    },
    /**
     * The start page's numbers in one statement: documents in scope, their sheets not submitted
     * that start by `dueBy` (due soon or late, see `deadlineState`), and their rows with errors.
     */
    async counts(scope: Scope, dueBy: string) {
      const [row] = await db
        .select({
          overviews: sql<number>`(select count(*)::int from ${overviews} where ${inScope(scope)})`,
          sheetsDue: sql<number>`(select count(*)::int from ${sheets} join ${overviews} on ${eq(overviews.id, sheets.overviewId)}
            where ${and(inScope(scope), isNull(sheets.submittedAt), lte(sheets.startDate, dueBy))})`,
          problemRows: sql<number>`(select count(*)::int from ${placementRows}
            join ${sheets} on ${eq(sheets.id, placementRows.sheetId)} join ${overviews} on ${eq(overviews.id, sheets.overviewId)}
            where ${and(inScope(scope), gt(placementRows.errorCount, 0))})`,
        })
        .from(sql`(select 1) as one`);
      return row ?? { overviews: 0, sheetsDue: 0, problemRows: 0 };
    },
    findOverview: async (scope: Scope, id: string) => (await findOverviewInScope(db, scope, id))?.overview,

    async sheetsOf(overviewIds: string[]) {
      if (overviewIds.length === 0) return [];
      return db
        .select({ sheet: sheets, submittedByName: userNameOf(sheets.submittedBy) })
        .from(sheets)
        .where(inArray(sheets.overviewId, overviewIds))
        .orderBy(asc(sheets.position), asc(sheets.createdAt));
    },
    /**
     * The documents' sheets with the submitter's name and the counts `sheetCounts` gives, in one
     * statement for any number of documents (`countsOfEachSheet`).
     */
    async sheetsWithCounts(overviewIds: string[]) {
      if (overviewIds.length === 0) return [];
      const counts = countsOfEachSheet(db);
      return db
        .select({
          sheet: sheets,
          submittedByName: userNameOf(sheets.submittedBy),
          counts: {
            rows: counts.rows,
            problems: counts.problems,
            registered: counts.registered,
            ordered: counts.ordered,
          },
        })
        .from(sheets)
        .leftJoinLateral(counts, sql`true`)
        .where(anyOf(sheets.overviewId, overviewIds, "uuid"))
        .orderBy(asc(sheets.position), asc(sheets.createdAt));
    },
    /** Per sheet: its `sheetCounts`. */
    async sheetCounts(sheetIds: string[]) {
      if (sheetIds.length === 0)
        return new Map<string, { rows: number; problems: number; registered: number; ordered: number }>();
      const transferred = transferredToHr(db);
      const rows = await db
        .select({ sheetId: placementRows.sheetId, ...sheetCountsOver(transferred) })
        .from(placementRows)
        .leftJoin(transferred, eq(transferred.id, placementRows.personId))
        .where(inArray(placementRows.sheetId, sheetIds))
        .groupBy(placementRows.sheetId);
      return new Map(rows.map((r) => [r.sheetId, r]));
    },
    async findSheet(scope: Scope, sheetId: string) {
      const [row] = await db
        .select({ sheet: sheets })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(inScope(scope), eq(sheets.id, sheetId)));
      return row?.sheet;
    },
    /** A sheet in scope with its document (as `findOverview` gives it) and its submitter's name, in one statement. */
    findSheetWithOverview: (scope: Scope, sheetId: string) => findSheetInScope(db, scope, sheetId),
    /**
     * Serialises writes to one sheet's rows: a save also updates other rows' error counts (a
     * duplicate found or gone), so two saves in one sheet take turns instead of deadlocking.
     */
    async lockSheet(sheetId: string) {
      await db.select({ id: sheets.id }).from(sheets).where(eq(sheets.id, sheetId)).for("update");
    },
    /** The document's sheets by name (an import matches the file's sheets to them). */
    async sheetsByName(overviewId: string) {
      const rows = await db.select().from(sheets).where(eq(sheets.overviewId, overviewId));
      return new Map(rows.map((s) => [s.name, s]));
    },
    async sheetByName(overviewId: string, name: string) {
      const [row] = await db
        .select()
        .from(sheets)
        .where(and(eq(sheets.overviewId, overviewId), eq(sheets.name, name)));
      return row;
    },
    async nextSheetPosition(overviewId: string) {
      const [row] = await db
        .select({ max: sql<number>`coalesce(max(${sheets.position}), 0)`.mapWith(Number) })
        .from(sheets)
        .where(eq(sheets.overviewId, overviewId));
      return (row?.max ?? 0) + 1;
    },
    async createSheet(v: typeof sheets.$inferInsert) {
      const [row] = await db.insert(sheets).values(v).onConflictDoNothing().returning();
      return row;
    },
    async hasSubmittedSheet(overviewId: string) {
      const [row] = await db
        .select({ n: count() })
        .from(sheets)
        .where(and(eq(sheets.overviewId, overviewId), sql`${sheets.submittedAt} is not null`));
      return (row?.n ?? 0) > 0;
    },
    async submitSheet(id: string, v: { at: Date; by: string; late: boolean }) {
      const [row] = await db
        .update(sheets)
        .set({ submittedAt: v.at, submittedBy: v.by, submittedLate: v.late, updatedAt: v.at })
        .where(and(eq(sheets.id, id), isNull(sheets.submittedAt)))
        .returning();
      return row;
    },
    /** Sheets not yet submitted and not yet reminded of, with their document. */
    unremindedSheets() {
      return db
        .select({
          sheet: sheets,
          overviewName: overviews.name,
          trustId: overviews.trustId,
          institutionId: overviews.institutionId,
        })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(isNull(sheets.submittedAt), isNull(sheets.reminderSentAt)));
    },
    async claimReminder(sheetId: string, at: Date) {
      const [row] = await db
        .update(sheets)
        .set({ reminderSentAt: at })
        .where(and(eq(sheets.id, sheetId), isNull(sheets.reminderSentAt), isNull(sheets.submittedAt)))
        .returning({ id: sheets.id });
      return row !== undefined;
    },
  };
}
export type OverviewsRepository = ReturnType<typeof createOverviewsRepository>;
