import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { placementSites, programmes } from "../catalog/catalog.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { overviews, placementRows, sheets, studentGroups } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { users } from "../users/users.table.ts";
import { hrTransferExportPersons, hrTransferExports, registrations } from "./registrations.table.ts";
import { needsConfirmationOf } from "./registrations-staff.repository.ts";

/**
 * The registration a person is ready by: confirmed, nothing waiting, the newest. One per person
 * (`distinct on`), joined read-only to name the person, their institution and their placement.
 */
const readyRegistrations = (db: DbOrTx, trustId: string) =>
  db
    .selectDistinctOn([registrations.personId], {
      personId: registrations.personId,
      registrationId: registrations.id,
      campaignId: registrations.campaignId,
      institutionId: registrations.institutionId,
      email: registrations.email,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.trustId, trustId),
        isNotNull(registrations.personId),
        isNotNull(registrations.emailConfirmedAt),
        isNull(registrations.supersedesId),
        sql`not ${needsConfirmationOf}`,
      ),
    )
    .orderBy(registrations.personId, desc(registrations.createdAt))
    .as("ready");

/** The earliest start of the person's rows that have not ended by `today`. */
const firstStartOf = (today: string) =>
  sql<
    string | null
  >`(select min(${placementRows.startDate}) from ${placementRows} where ${placementRows.personId} = ${persons.id} and ${placementRows.anonymisedAt} is null and (${placementRows.endDate} is null or ${placementRows.endDate} >= ${today}))`;

export function createHrTransferRepository({ db }: { db: DbOrTx }) {
  return {
    /** Persons registered and not yet transferred, with the registration they are ready by. */
    async ready(
      trustId: string,
      today: string,
      q: {
        institutionId?: string;
        campaignId?: string;
        personIds?: string[];
        q?: string;
        sort: "name" | "registered" | "start";
        dir: "asc" | "desc";
        limit?: number;
        offset?: number;
      },
    ) {
      const ready = readyRegistrations(db, trustId);
      const like = q.q ? containsPattern(q.q) : null;
      const order = q.dir === "desc" ? desc : asc;
      const firstStart = firstStartOf(today);
      const query = db
        .select({
          personId: persons.id,
          registrationId: ready.registrationId,
          firstName: persons.firstName,
          lastName: persons.lastName,
          email: ready.email,
          institutionName: institutions.name,
          placementStart: firstStart,
          registeredAt: persons.registeredAt,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(persons)
        .innerJoin(ready, eq(ready.personId, persons.id))
        .innerJoin(institutions, eq(institutions.id, ready.institutionId))
        .where(
          and(
            eq(persons.trustId, trustId),
            isNotNull(persons.registeredAt),
            isNull(persons.hrTransferredAt),
            isNull(persons.anonymisedAt),
            q.institutionId ? eq(ready.institutionId, q.institutionId) : undefined,
            q.campaignId ? eq(ready.campaignId, q.campaignId) : undefined,
            q.personIds ? anyOf(persons.id, q.personIds, "uuid") : undefined,
            like
              ? or(ilike(sql`${persons.firstName} || ' ' || ${persons.lastName}`, like), ilike(ready.email, like))
              : undefined,
          ),
        )
        .orderBy(
          ...(q.sort === "registered"
            ? [order(persons.registeredAt)]
            : q.sort === "start"
              ? [sql`${firstStart} ${sql.raw(q.dir === "desc" ? "desc" : "asc")} nulls last`]
              : [order(persons.lastName), order(persons.firstName)]),
          asc(persons.id),
        );
      const rows = await (q.limit === undefined ? query : query.limit(q.limit).offset(q.offset ?? 0));
      return {
        items: rows.map(({ total: _, registeredAt, ...r }) => ({
          ...r,
          registeredAt: (registeredAt as Date).toISOString(),
        })),
        total: rows[0]?.total ?? 0,
      };
    },

    /** What the HR file says of each person: the person, their registration, and their first current placement. */
    async fileLines(trustId: string, personIds: string[], today: string) {
      const ready = readyRegistrations(db, trustId);
      const people = await db
        .select({
          person: persons,
          registration: registrations,
          institutionName: institutions.name,
        })
        .from(persons)
        .innerJoin(ready, eq(ready.personId, persons.id))
        .innerJoin(registrations, eq(registrations.id, ready.registrationId))
        .innerJoin(institutions, eq(institutions.id, registrations.institutionId))
        .where(and(eq(persons.trustId, trustId), anyOf(persons.id, personIds, "uuid")))
        .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id));
      const placements = await db
        .selectDistinctOn([placementRows.personId], {
          personId: placementRows.personId,
          startDate: placementRows.startDate,
          endDate: placementRows.endDate,
          site: sql<string>`coalesce(${placementSites.name}, ${placementRows.placementSiteName})`,
          programme: programmes.name,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
        .innerJoin(programmes, eq(programmes.id, studentGroups.programmeId))
        .leftJoin(placementSites, eq(placementSites.id, placementRows.placementSiteId))
        .where(
          and(
            eq(overviews.trustId, trustId),
            anyOf(placementRows.personId, personIds, "uuid"),
            isNull(placementRows.anonymisedAt),
            or(isNull(placementRows.endDate), sql`${placementRows.endDate} >= ${today}`),
          ),
        )
        .orderBy(placementRows.personId, sql`${placementRows.startDate} asc nulls last`);
      const placementOf = new Map(placements.map((p) => [p.personId, p]));
      return people.map((p) => ({ ...p, placement: placementOf.get(p.person.id) ?? null }));
    },

    async createExport(values: {
      trustId: string;
      format: string;
      createdBy: string | null;
      createdAt: Date;
      personIds: string[];
    }) {
      const [row] = await db
        .insert(hrTransferExports)
        .values({
          trustId: values.trustId,
          format: values.format,
          createdBy: values.createdBy,
          createdAt: values.createdAt,
        })
        .returning();
      const created = row as NonNullable<typeof row>;
      await db
        .insert(hrTransferExportPersons)
        .values(values.personIds.map((personId) => ({ exportId: created.id, personId })));
      return created;
    },

    async exports(trustId: string, limit: number, offset: number) {
      const rows = await db
        .select({
          id: hrTransferExports.id,
          format: hrTransferExports.format,
          persons: sql<number>`(select count(*) from ${hrTransferExportPersons} where ${hrTransferExportPersons.exportId} = ${hrTransferExports.id})::int`,
          createdAt: hrTransferExports.createdAt,
          createdByName: users.name,
          markedAt: hrTransferExports.markedAt,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(hrTransferExports)
        .leftJoin(users, eq(users.id, hrTransferExports.createdBy))
        .where(eq(hrTransferExports.trustId, trustId))
        .orderBy(desc(hrTransferExports.createdAt), desc(hrTransferExports.id))
        .limit(limit)
        .offset(offset);
      return {
        items: rows.map(({ total: _, ...r }) => ({
          ...r,
          format: r.format as "xlsx" | "csv",
          createdAt: r.createdAt.toISOString(),
          markedAt: r.markedAt?.toISOString() ?? null,
        })),
        total: rows[0]?.total ?? 0,
      };
    },

    /** An export of the trust, locked, with its persons. */
    async findExport(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(hrTransferExports)
        .where(and(eq(hrTransferExports.trustId, trustId), eq(hrTransferExports.id, id)))
        .for("update");
      if (!row) return undefined;
      const members = await db
        .select({ personId: hrTransferExportPersons.personId })
        .from(hrTransferExportPersons)
        .where(eq(hrTransferExportPersons.exportId, id));
      return { ...row, personIds: members.map((m) => m.personId) };
    },

    async markExport(id: string, at: Date, by: string | null) {
      await db.update(hrTransferExports).set({ markedAt: at, markedBy: by }).where(eq(hrTransferExports.id, id));
    },

    /** The institutions whose rows name these persons, with how many of them (their coordinators are told). */
    async institutionsOf(trustId: string, personIds: string[]) {
      if (personIds.length === 0) return [];
      return db
        .select({
          institutionId: overviews.institutionId,
          persons: sql<number>`count(distinct ${placementRows.personId})::int`,
        })
        .from(placementRows)
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .where(and(eq(overviews.trustId, trustId), inArray(placementRows.personId, personIds)))
        .groupBy(overviews.institutionId);
    },
  };
}
