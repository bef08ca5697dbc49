import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  ilike,
  inArray,
  isNull,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import { institutionRole } from "../../../contracts/policies.ts";
import { defaultNamingStandard, namingStandardOf } from "../../../domain/naming-standard.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { placementSites, programmes } from "../catalog/catalog.table.ts";
import { agreements } from "../institutions/agreements.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { overviews, placementRows, rowChanges, rowComments, sheets, studentGroups } from "./overviews.table.ts";

export type SheetRecord = typeof sheets.$inferSelect;
export type PlacementRowRecord = typeof placementRows.$inferSelect;
export type RowInsert = typeof placementRows.$inferInsert;

/**
 * Where a caller may look: their trust, and for coordinators only their institutions. Every query
 * of this repository that reads institution data takes it, so another trust's or institution's
 * document, sheet or row is simply not found.
 */
export interface Scope {
  trustId: string;
  /** Null: the whole trust (FOU, admins). */
  institutionIds: string[] | null;
}

const inScope = (scope: Scope): SQL | undefined =>
  and(
    eq(overviews.trustId, scope.trustId),
    scope.institutionIds ? inArray(overviews.institutionId, scope.institutionIds) : undefined,
  );

/**
 * The weak keys of a person in `t` (rows or persons): the same e-mail, or the same names and birth
 * date; undefined when the values give neither.
 */
function weakKeys(
  t: typeof placementRows | typeof persons,
  q: { email: string | null; lastName: string; firstName: string; birthDate: string | null },
): SQL | undefined {
  return or(
    q.email ? eq(t.email, q.email) : undefined,
    q.birthDate && q.lastName && q.firstName
      ? and(eq(t.lastName, q.lastName), eq(t.firstName, q.firstName), eq(t.birthDate, q.birthDate))
      : undefined,
  );
}

const overviewColumns = {
  id: overviews.id,
  trustId: overviews.trustId,
  institutionId: overviews.institutionId,
  name: overviews.name,
  createdAt: overviews.createdAt,
  updatedAt: overviews.updatedAt,
  groupId: studentGroups.id,
  programmeId: studentGroups.programmeId,
  cohort: studentGroups.cohort,
  programmeName: programmes.name,
  institutionShortName: institutions.shortName,
};
export type OverviewRecord = {
  id: string;
  trustId: string;
  institutionId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  groupId: string;
  programmeId: string;
  cohort: number;
  programmeName: string;
  institutionShortName: string;
};

export function createOverviewsRepository({ db }: { db: DbOrTx }) {
  const overviewQuery = () =>
    db
      .select(overviewColumns)
      .from(overviews)
      .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
      .innerJoin(programmes, eq(programmes.id, studentGroups.programmeId))
      .innerJoin(institutions, eq(institutions.id, overviews.institutionId));

  return {
    async trustSettings(trustId: string) {
      const [row] = await db
        .select({
          testMode: trusts.testMode,
          deadlineDays: trusts.deadlineDays,
          dNumberNeedsManualUser: trusts.dNumberNeedsManualUser,
          namingDocument: trusts.namingDocument,
          namingSheet: trusts.namingSheet,
          namingInternationalSheet: trusts.namingInternationalSheet,
          namingFile: trusts.namingFile,
        })
        .from(trusts)
        .where(eq(trusts.id, trustId));
      if (!row)
        return { testMode: false, deadlineDays: 28, dNumberNeedsManualUser: false, naming: defaultNamingStandard };
      return { ...row, naming: namingStandardOf(row) };
    },
    sites(trustId: string) {
      return db
        .select({ id: placementSites.id, name: placementSites.name })
        .from(placementSites)
        .where(eq(placementSites.trustId, trustId))
        .orderBy(asc(placementSites.name));
    },
    async programme(trustId: string, institutionId: string, programmeId: string) {
      const [row] = await db
        .select({ id: programmes.id, name: programmes.name, institutionShortName: institutions.shortName })
        .from(programmes)
        .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
        .innerJoin(
          agreements,
          and(eq(agreements.institutionId, programmes.institutionId), eq(agreements.trustId, programmes.trustId)),
        )
        .where(
          and(
            eq(programmes.trustId, trustId),
            eq(programmes.institutionId, institutionId),
            eq(programmes.id, programmeId),
          ),
        );
      return row;
    },
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
    listOverviews(scope: Scope, filter: { institutionId?: string; q?: string }) {
      return overviewQuery()
        .where(
          and(
            inScope(scope),
            filter.institutionId ? eq(overviews.institutionId, filter.institutionId) : undefined,
            filter.q ? ilike(overviews.name, `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
          ),
        )
        .orderBy(asc(overviews.name)) as Promise<OverviewRecord[]>;
    },
    async findOverview(scope: Scope, id: string): Promise<OverviewRecord | undefined> {
      const [row] = await overviewQuery().where(and(inScope(scope), eq(overviews.id, id)));
      return row;
    },

    sheetsOf(overviewIds: string[]) {
      if (overviewIds.length === 0) return Promise.resolve([]);
      return db
        .select({ sheet: sheets, submittedByName: users.name })
        .from(sheets)
        .leftJoin(users, eq(users.id, sheets.submittedBy))
        .where(inArray(sheets.overviewId, overviewIds))
        .orderBy(asc(sheets.position), asc(sheets.createdAt));
    },
    /** Per sheet: rows, rows with errors, rows whose person is transferred, rows ordered (green). */
    async sheetCounts(sheetIds: string[]) {
      if (sheetIds.length === 0)
        return new Map<string, { rows: number; problems: number; registered: number; ordered: number }>();
      const rows = await db
        .select({
          sheetId: placementRows.sheetId,
          rows: count(),
          problems: sql<number>`count(*) filter (where ${placementRows.errorCount} > 0)`.mapWith(Number),
          registered: sql<number>`count(*) filter (where ${persons.hrTransferredAt} is not null)`.mapWith(Number),
          ordered:
            sql<number>`count(*) filter (where ${placementRows.orderState} not in ('not_ordered', 'rejected'))`.mapWith(
              Number,
            ),
        })
        .from(placementRows)
        .leftJoin(persons, eq(persons.id, placementRows.personId))
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
    /**
     * Serialises writes to one sheet's rows: a save also updates other rows' error counts (a
     * duplicate found or gone), so two saves in one sheet take turns instead of deadlocking.
     */
    async lockSheet(sheetId: string) {
      await db.select({ id: sheets.id }).from(sheets).where(eq(sheets.id, sheetId)).for("update");
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

    rowsOfSheet(sheetId: string, opts: { forUpdate?: boolean } = {}) {
      const q = db
        .select({
          row: placementRows,
          siteName: placementSites.name,
          hrTransferredAt: persons.hrTransferredAt,
          learningPortalState: persons.learningPortalState,
        })
        .from(placementRows)
        .leftJoin(placementSites, eq(placementSites.id, placementRows.placementSiteId))
        .leftJoin(persons, eq(persons.id, placementRows.personId))
        .where(eq(placementRows.sheetId, sheetId))
        .orderBy(asc(placementRows.position), asc(placementRows.createdAt));
      return opts.forUpdate ? q.for("update", { of: placementRows }) : q;
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
    async insertRows(values: RowInsert[]) {
      if (values.length === 0) return [];
      const out: PlacementRowRecord[] = [];
      for (let i = 0; i < values.length; i += 500) {
        out.push(
          ...(await db
            .insert(placementRows)
            .values(values.slice(i, i + 500))
            .returning()),
        );
      }
      return out;
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
    async setErrorCounts(updates: { id: string; errorCount: number }[]) {
      for (const u of updates) {
        await db.update(placementRows).set({ errorCount: u.errorCount }).where(eq(placementRows.id, u.id));
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
      if (ids.length) await db.delete(placementRows).where(inArray(placementRows.id, ids));
    },
    /** Whether the person has a row in one of the institution's documents at the trust. */
    /**
     * Whether the person has a row in one of the institution's documents — with `hash`, one that
     * carries the national ID with that keyed hash.
     */
    async personAtInstitution(q: { trustId: string; personId: string; institutionId: string; hash?: string }) {
      const [row] = await db
        .select({ n: count() })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(
          and(
            eq(overviews.trustId, q.trustId),
            eq(overviews.institutionId, q.institutionId),
            eq(placementRows.personId, q.personId),
            q.hash ? eq(placementRows.nationalIdHash, q.hash) : undefined,
          ),
        );
      return (row?.n ?? 0) > 0;
    },

    /**
     * Persons the institution's own rows know by this e-mail, or by these names and birth date (rows
     * that are not anonymised); and persons whose every row is at the institution, by their own values.
     */
    async personsKnownAtInstitution(q: {
      trustId: string;
      institutionId: string;
      email: string | null;
      lastName: string;
      firstName: string;
      birthDate: string | null;
    }): Promise<string[]> {
      const byRow = weakKeys(placementRows, q);
      const byPerson = weakKeys(persons, q);
      if (!byRow || !byPerson) return [];
      const rowAt = (institution: SQL) =>
        db
          .select({ one: sql`1` })
          .from(placementRows)
          .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
          .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
          .where(and(eq(placementRows.personId, persons.id), institution));
      // Two halves of one statement, so each finds its candidates through its own index (e-mail
      // or names of rows; e-mail or names of persons) instead of scanning every person of the trust.
      const rows = await union(
        db
          .select({ id: persons.id, createdAt: persons.createdAt })
          .from(placementRows)
          .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
          .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
          .innerJoin(persons, eq(persons.id, placementRows.personId))
          .where(
            and(
              eq(overviews.trustId, q.trustId),
              eq(overviews.institutionId, q.institutionId),
              isNull(placementRows.anonymisedAt),
              isNull(persons.anonymisedAt),
              byRow,
            ),
          ),
        db
          .select({ id: persons.id, createdAt: persons.createdAt })
          .from(persons)
          .where(
            and(
              eq(persons.trustId, q.trustId),
              isNull(persons.anonymisedAt),
              byPerson,
              exists(
                rowAt(and(eq(overviews.institutionId, q.institutionId), isNull(placementRows.anonymisedAt)) as SQL),
              ),
              notExists(rowAt(ne(overviews.institutionId, q.institutionId))),
            ),
          ),
      );
      rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      return rows.map((r) => r.id);
    },

    /** The institutions whose documents have rows of these persons, with the number of rows. */
    institutionsOfPersons(q: { trustId: string; personIds: string[] }) {
      if (q.personIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          personId: placementRows.personId,
          institutionId: overviews.institutionId,
          name: institutions.name,
          shortName: institutions.shortName,
          rows: count(),
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .innerJoin(institutions, eq(institutions.id, overviews.institutionId))
        .where(and(eq(overviews.trustId, q.trustId), inArray(placementRows.personId, q.personIds)))
        .groupBy(placementRows.personId, overviews.institutionId, institutions.name, institutions.shortName)
        .orderBy(asc(institutions.shortName));
    },

    /** Moves every row of one person to another (a merge); the number of rows moved. */
    async movePersonRows(q: { trustId: string; fromPersonId: string; toPersonId: string }) {
      const moved = await db
        .update(placementRows)
        .set({ personId: q.toPersonId })
        .where(
          and(
            eq(placementRows.personId, q.fromPersonId),
            inArray(
              placementRows.sheetId,
              db
                .select({ id: sheets.id })
                .from(sheets)
                .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
                .where(eq(overviews.trustId, q.trustId)),
            ),
          ),
        )
        .returning({ id: placementRows.id });
      return moved.length;
    },

    commentsOf(rowIds: string[]) {
      if (rowIds.length === 0) return Promise.resolve([]);
      return db
        .select({ comment: rowComments, authorName: users.name })
        .from(rowComments)
        .innerJoin(users, eq(users.id, rowComments.authorId))
        .where(inArray(rowComments.rowId, rowIds))
        .orderBy(asc(rowComments.createdAt));
    },
    async insertComment(v: typeof rowComments.$inferInsert) {
      const [row] = await db.insert(rowComments).values(v).returning();
      return row as typeof rowComments.$inferSelect;
    },
    async insertChanges(values: (typeof rowChanges.$inferInsert)[]) {
      for (let i = 0; i < values.length; i += 500) {
        await db.insert(rowChanges).values(values.slice(i, i + 500));
      }
    },
    /** Changes of these rows, newest first. */
    changesOfRows(rowIds: string[]) {
      if (rowIds.length === 0) return Promise.resolve([]);
      return db
        .select({ change: rowChanges, actorName: users.name, sheetName: sheets.name })
        .from(rowChanges)
        .innerJoin(users, eq(users.id, rowChanges.actorId))
        .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
        .where(inArray(rowChanges.rowId, rowIds))
        .orderBy(desc(rowChanges.at));
    },
    changesOfOverview(overviewId: string) {
      return db
        .select({ change: rowChanges, actorName: users.name, sheetName: sheets.name })
        .from(rowChanges)
        .innerJoin(users, eq(users.id, rowChanges.actorId))
        .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
        .where(eq(rowChanges.overviewId, overviewId))
        .orderBy(desc(rowChanges.at), desc(rowChanges.id));
    },

    search(scope: Scope, q: string, limit = 50) {
      const words = q
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `%${w.replace(/[%_\\]/g, "\\$&")}%`);
      return db
        .select({
          rowId: placementRows.id,
          lastName: placementRows.lastName,
          firstName: placementRows.firstName,
          sheetId: sheets.id,
          sheetName: sheets.name,
          overviewId: overviews.id,
          overviewName: overviews.name,
          institutionShortName: institutions.shortName,
          startDate: placementRows.startDate,
          endDate: placementRows.endDate,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .innerJoin(institutions, eq(institutions.id, overviews.institutionId))
        .where(
          and(
            inScope(scope),
            // An anonymised row names nobody ("Slettet" is no student).
            isNull(placementRows.anonymisedAt),
            ...words.map((w) => or(ilike(placementRows.lastName, w), ilike(placementRows.firstName, w))),
          ),
        )
        .orderBy(asc(placementRows.lastName), asc(placementRows.firstName), asc(sheets.startDate))
        .limit(limit);
    },

    /** Active coordinators of an institution at a trust. */
    async coordinatorsOf(trustId: string, institutionId: string) {
      const rows = await db
        .selectDistinct({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.trustId, trustId),
            eq(memberships.institutionId, institutionId),
            eq(memberships.role, institutionRole),
            isNull(users.deactivatedAt),
          ),
        );
      return rows.map((r) => r.id);
    },
    /** The agreement's FOU contacts (main and deputy). */
    async fouContactsOf(trustId: string, institutionId: string) {
      const [row] = await db
        .select({ main: agreements.mainContactId, deputy: agreements.deputyContactId })
        .from(agreements)
        .where(and(eq(agreements.trustId, trustId), eq(agreements.institutionId, institutionId)));
      return [row?.main, row?.deputy].filter((x): x is string => Boolean(x));
    },
    /** Sheets not yet submitted and not yet reminded of, with their document and trust settings. */
    unremindedSheets() {
      return db
        .select({
          sheet: sheets,
          overviewName: overviews.name,
          trustId: overviews.trustId,
          institutionId: overviews.institutionId,
          deadlineDays: trusts.deadlineDays,
        })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .innerJoin(trusts, eq(trusts.id, overviews.trustId))
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
    userName: async (id: string) => {
      const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
      return row?.name ?? "";
    },
  };
}
export type OverviewsRepository = ReturnType<typeof createOverviewsRepository>;
