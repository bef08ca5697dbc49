import { and, asc, eq, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import { anonymisedLastName } from "../../../domain/retention.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { chunked } from "../../shared/sql-sets.ts";
import { overviews, placementRows, rowChanges, rowComments, sheets } from "./overviews.table.ts";

/**
 * Per personal field of a placement row (audit name → whether it still holds a value). A row that
 * holds none of them, and has no comments and no change history, is anonymised already.
 */
const rowPersonalFields = {
  last_name: sql<boolean>`${placementRows.lastName} <> ${anonymisedLastName}`,
  first_name: sql<boolean>`${placementRows.firstName} <> ''`,
  national_id: sql<boolean>`(${placementRows.nationalIdEnc} is not null or ${placementRows.nationalIdHash} is not null or ${placementRows.nationalIdProblem} is not null)`,
  birth_date: sql<boolean>`${placementRows.birthDate} is not null`,
  nationality: sql<boolean>`${placementRows.nationality} <> ''`,
  email: sql<boolean>`${placementRows.email} <> ''`,
  mobile: sql<boolean>`${placementRows.mobile} <> ''`,
  home_institution: sql<boolean>`${placementRows.homeInstitution} <> ''`,
  d_number: sql<boolean>`${placementRows.dNumberEnc} is not null`,
  previous_username: sql<boolean>`${placementRows.previousUsername} <> ''`,
  invalid_values: sql<boolean>`${placementRows.invalidValues} <> '{}'::jsonb`,
  row_comments: sql<boolean>`exists (select 1 from ${rowComments} where ${rowComments.rowId} = ${placementRows.id})`,
  row_changes: sql<boolean>`exists (select 1 from ${rowChanges} where ${rowChanges.rowId} = ${placementRows.id})`,
};

const anyOf = (fields: Record<string, SQL<boolean>>) => or(...Object.values(fields)) as SQL;

/** The names of the fields whose flag is true. */
const fieldsHeld = (flags: Record<string, unknown>) =>
  Object.entries(flags)
    .filter(([, held]) => held === true)
    .map(([name]) => name);

export interface DueRow {
  id: string;
  sheetId: string;
  institutionId: string;
  /** When the row's student's last placement ended (the row's own end without a person). */
  lastEnd: IsoDate;
  fields: string[];
}

/**
 * What the retention job reads and changes of the overviews' rows (SPEC §4): which personal fields
 * hold a value, never the values; one trust at a time.
 */
export function createRowRetentionRepository({ db }: { db: DbOrTx }) {
  /** Every person of the trust with a placement row, and when their last placement ends. */
  const lastEnds = (trustId: string) =>
    db.$with("last_ends").as(
      db
        .select({
          personId: sql<string>`${placementRows.personId}`.as("last_person_id"),
          lastEnd: sql<IsoDate>`to_char(max(coalesce(${placementRows.endDate}, ${sheets.endDate})), 'YYYY-MM-DD')`.as(
            "last_end",
          ),
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustId), isNotNull(placementRows.personId)))
        .groupBy(placementRows.personId),
    );

  return {
    /**
     * The persons of the trust whose last placement ended before `cutoff`, with that end, by id. A
     * person without any placement row is not among them: nothing says when their last one ended.
     */
    lastPlacementsEndedBefore(trustId: string, cutoff: IsoDate): Promise<{ personId: string; lastEnd: IsoDate }[]> {
      const last = lastEnds(trustId);
      return db
        .with(last)
        .select({ personId: last.personId, lastEnd: last.lastEnd })
        .from(last)
        .where(sql`${last.lastEnd}::date < ${cutoff}::date`)
        .orderBy(asc(last.personId));
    },

    /**
     * Rows of the trust that still hold personal data and whose student's last placement ended
     * before `cutoff` — for a row without a person, the row's own end (or its sheet's).
     */
    async dueRows(trustId: string, cutoff: IsoDate): Promise<DueRow[]> {
      const last = lastEnds(trustId);
      const lastEnd = sql<IsoDate>`coalesce(${last.lastEnd}, to_char(coalesce(${placementRows.endDate}, ${sheets.endDate}), 'YYYY-MM-DD'))`;
      const rows = await db
        .with(last)
        .select({
          id: placementRows.id,
          sheetId: placementRows.sheetId,
          institutionId: overviews.institutionId,
          lastEnd,
          flags: rowPersonalFields,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .leftJoin(last, eq(last.personId, placementRows.personId))
        .where(and(eq(overviews.trustId, trustId), sql`${lastEnd}::date < ${cutoff}::date`, anyOf(rowPersonalFields)))
        .orderBy(asc(placementRows.id));
      return rows.map(({ flags, ...r }) => ({ ...r, fields: fieldsHeld(flags) }));
    },

    /**
     * Locks sheets in id order, as a row save does (sheet first, then its rows), so the job and a
     * save take turns instead of deadlocking.
     */
    async lockSheets(ids: string[]) {
      for (const part of chunked([...ids].sort(), 1000)) {
        await db
          .select({ id: sheets.id })
          .from(sheets)
          .where(inArray(sheets.id, part))
          .orderBy(asc(sheets.id))
          .for("update");
      }
    },

    /**
     * Empties the rows' personal fields and stamps `anonymised_at`; dates, site, programme and states
     * stay for the counts.
     */
    async anonymiseRows(ids: string[], now: Date) {
      for (const part of chunked(ids, 1000)) {
        await db
          .update(placementRows)
          .set({
            lastName: anonymisedLastName,
            firstName: "",
            nationalIdEnc: null,
            nationalIdHash: null,
            nationalIdProblem: null,
            birthDate: null,
            nationality: "",
            email: "",
            mobile: "",
            homeInstitution: "",
            dNumberEnc: null,
            previousUsername: "",
            invalidValues: {},
            // Nothing is left to fix in an anonymised row; the overviews show it read-only from now on.
            errorCount: 0,
            anonymisedAt: now,
            version: sql`${placementRows.version} + 1`,
            updatedAt: now,
          })
          .where(inArray(placementRows.id, part));
      }
    },

    /** Deletes the rows' comments and change history (also of rows removed since). */
    async deleteCommentsAndChanges(rowIds: string[]) {
      for (const part of chunked(rowIds, 1000)) {
        await db.delete(rowComments).where(inArray(rowComments.rowId, part));
        await db.delete(rowChanges).where(inArray(rowChanges.rowId, part));
      }
    },

    /**
     * Rows removed from the trust's sheets whose period ended before `cutoff` and whose change
     * history is still there (it names the student: the row's label, from → to).
     */
    removedRowsWithHistory(trustId: string, cutoff: IsoDate) {
      return db
        .selectDistinct({ rowId: sql<string>`${rowChanges.rowId}`, institutionId: overviews.institutionId })
        .from(rowChanges)
        .innerJoin(sheets, eq(sheets.id, rowChanges.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(
          and(
            eq(overviews.trustId, trustId),
            isNotNull(rowChanges.rowId),
            lt(sheets.endDate, cutoff),
            sql`not exists (select 1 from ${placementRows} where ${placementRows.id} = ${rowChanges.rowId})`,
          ),
        )
        .orderBy(sql`${rowChanges.rowId}`);
    },
  };
}
