import { and, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf, chunked, nameKeyIn, nameKeyOf } from "../../shared/sql-sets.ts";
import type { KnownPerson, PersonLinks } from "../persons/persons.public.ts";
import { overviews, placementRows, sheets } from "./overviews.table.ts";

/** Rows of the institution's documents at the trust, that are not anonymised and name a person. */
const liveRowsAt = (q: { trustId: string; institutionId: string }, key: SQL) =>
  and(
    eq(overviews.trustId, q.trustId),
    eq(overviews.institutionId, q.institutionId),
    isNull(placementRows.anonymisedAt),
    sql`${placementRows.personId} is not null`,
    key,
  );

/** The persons module's links: a person belongs to an institution through their rows in its documents. */
export function createPersonLinks(): PersonLinks {
  const rowsAtInstitution = (db: DbOrTx) =>
    db
      .select({ n: count() })
      .from(placementRows)
      .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
      .innerJoin(overviews, eq(overviews.id, sheets.overviewId));

  async function personAtInstitution(
    db: DbOrTx,
    q: { trustId: string; personId: string; institutionId: string; hash?: string },
  ) {
    const [row] = await rowsAtInstitution(db).where(
      and(
        eq(overviews.trustId, q.trustId),
        eq(overviews.institutionId, q.institutionId),
        eq(placementRows.personId, q.personId),
        q.hash ? eq(placementRows.nationalIdHash, q.hash) : undefined,
      ),
    );
    return (row?.n ?? 0) > 0;
  }

  return {
    atInstitution: personAtInstitution,
    nationalIdAtInstitution: personAtInstitution,

    async knownAtInstitution(db, q) {
      const out: KnownPerson[] = [];
      const rows = () =>
        db
          .selectDistinct({
            personId: sql<string>`${placementRows.personId}`,
            email: placementRows.email,
            lastName: placementRows.lastName,
            firstName: placementRows.firstName,
            birthDate: placementRows.birthDate,
          })
          .from(placementRows)
          .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
          .innerJoin(overviews, eq(overviews.id, sheets.overviewId));
      for (const part of chunked(q.emails, 5000)) {
        for (const r of await rows().where(liveRowsAt(q, anyOf(placementRows.email, part, "text")) as SQL)) {
          out.push({ personId: r.personId, key: `email:${r.email}` });
        }
      }
      for (const part of chunked(q.names, 10_000)) {
        for (const r of await rows().where(liveRowsAt(q, nameKeyIn(placementRows, part)) as SQL)) {
          if (!r.birthDate) continue;
          const key = nameKeyOf({ lastName: r.lastName, firstName: r.firstName, birthDate: r.birthDate });
          out.push({ personId: r.personId, key: `name:${key}` });
        }
      }
      return out;
    },

    async institutionsOf(db, q) {
      const out = [];
      for (const part of chunked([...new Set(q.personIds)], 10_000)) {
        out.push(
          ...(await db
            .select({
              personId: placementRows.personId,
              institutionId: overviews.institutionId,
              rows: count(),
              liveRows: sql<number>`count(*) filter (where ${placementRows.anonymisedAt} is null)`.mapWith(Number),
            })
            .from(placementRows)
            .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
            .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
            .where(and(eq(overviews.trustId, q.trustId), anyOf(placementRows.personId, part, "uuid")))
            .groupBy(placementRows.personId, overviews.institutionId)),
        );
      }
      return out;
    },

    async moveRows(db, q) {
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
  };
}
