import { and, asc, eq, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import { anonymisedLastName } from "../../../domain/retention.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { outboxMessages } from "../outbox/outbox.table.ts";
import { overviews, placementRows, rowChanges, rowComments, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";

/** Statements with many ids are split so no statement gets near PostgreSQL's parameter limit. */
const chunkSize = 1000;
const chunks = <T>(items: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunkSize) out.push(items.slice(i, i + chunkSize));
  return out;
};

/** The start of a calendar day in Europe/Oslo, for comparing moments with a cut-off date. */
const osloStartOf = (day: IsoDate) => sql`((${day})::date)::timestamp at time zone 'Europe/Oslo'`;

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

/** Per personal field of a person (audit name → whether it still holds a value). */
const personPersonalFields = {
  national_id: sql<boolean>`(${persons.nationalIdEnc} is not null or ${persons.nationalIdHash} is not null)`,
  first_name: sql<boolean>`${persons.firstName} <> ''`,
  last_name: sql<boolean>`${persons.lastName} <> ${anonymisedLastName}`,
  birth_date: sql<boolean>`${persons.birthDate} is not null`,
  email: sql<boolean>`(${persons.email} is not null or ${persons.emailConfirmedAt} is not null)`,
  mobile: sql<boolean>`${persons.mobile} is not null`,
  username: sql<boolean>`${persons.username} is not null`,
};

const anyOf = (fields: Record<string, SQL<boolean>>) => or(...Object.values(fields)) as SQL;

/** The names of the fields whose flag is true. */
export const fieldsHeld = (flags: Record<string, unknown>) =>
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

export interface DuePerson {
  id: string;
  lastEnd: IsoDate;
  fields: string[];
}

/**
 * The queries of the retention job. It reads which personal fields hold a value, never the values,
 * and works on one trust at a time.
 */
export function createRetentionRepository({ db }: { db: DbOrTx }) {
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
    trusts() {
      return db.select({ id: trusts.id, retentionMonths: trusts.retentionMonths }).from(trusts).orderBy(asc(trusts.id));
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
     * Persons of the trust that still hold personal data and whose last placement ended before
     * `cutoff`. A person without any placement row is not found: nothing says when their last
     * placement ended.
     */
    async duePersons(trustId: string, cutoff: IsoDate): Promise<DuePerson[]> {
      const last = lastEnds(trustId);
      const rows = await db
        .with(last)
        .select({ id: persons.id, lastEnd: last.lastEnd, flags: personPersonalFields })
        .from(persons)
        .innerJoin(last, eq(last.personId, persons.id))
        .where(
          and(eq(persons.trustId, trustId), sql`${last.lastEnd}::date < ${cutoff}::date`, anyOf(personPersonalFields)),
        )
        .orderBy(asc(persons.id));
      return rows.map(({ flags, ...r }) => ({ ...r, fields: fieldsHeld(flags) }));
    },

    /**
     * Locks sheets in id order, as a row save does (sheet first, then its rows), so the job and a
     * save take turns instead of deadlocking.
     */
    async lockSheets(ids: string[]) {
      for (const part of chunks([...ids].sort())) {
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
      for (const part of chunks(ids)) {
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
      for (const part of chunks(rowIds)) {
        await db.delete(rowComments).where(inArray(rowComments.rowId, part));
        await db.delete(rowChanges).where(inArray(rowChanges.rowId, part));
      }
    },

    async anonymisePersons(ids: string[], now: Date) {
      for (const part of chunks(ids)) {
        await db
          .update(persons)
          .set({
            firstName: "",
            lastName: anonymisedLastName,
            nationalIdEnc: null,
            nationalIdHash: null,
            birthDate: null,
            email: null,
            emailConfirmedAt: null,
            mobile: null,
            username: null,
            anonymisedAt: now,
            updatedAt: now,
          })
          .where(inArray(persons.id, part));
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

    /** Deletes e-mail sent before the start of `before` (Europe/Oslo); queued, kept and failed stay. */
    async deleteSentEmail(before: IsoDate): Promise<number> {
      const rows = await db
        .delete(outboxMessages)
        .where(and(eq(outboxMessages.status, "sent"), lt(outboxMessages.sentAt, osloStartOf(before))))
        .returning({ id: outboxMessages.id });
      return rows.length;
    },

    /** Deletes read notifications created before the start of `before` (Europe/Oslo); unread ones stay. */
    async deleteReadNotifications(before: IsoDate): Promise<number> {
      const rows = await db
        .delete(notifications)
        .where(and(isNotNull(notifications.readAt), lt(notifications.createdAt, osloStartOf(before))))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
