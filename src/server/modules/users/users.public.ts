import { type AnyColumn, and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { institutionRole } from "../../../contracts/policies.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { memberships, users } from "./users.table.ts";

/** What other modules read of users: names to show, and who coordinates an institution. */
export async function userNamesOf(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active coordinators of an institution at a trust. */
export async function activeCoordinatorsOf(db: DbOrTx, trustId: string, institutionId: string): Promise<string[]> {
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
}

/**
 * The name of the user `userId` (a column of the caller's table), as a value inside the caller's
 * statement: a sheet's rows with their comments and changes stay a constant number of statements.
 */
export const userNameOf = (userId: SQL | AnyColumn) =>
  sql<string>`(select ${users.name} from ${users} where ${users.id} = ${userId})`;
