import { type AnyColumn, and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { institutionRole, itProviderRole } from "../../../contracts/policies.ts";
import type { Role } from "../../../contracts/vocabulary.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { createUsersRepository } from "./users.repository.ts";
import type { users as usersTable } from "./users.table.ts";
import { memberships, users } from "./users.table.ts";

/**
 * What other modules may use of the users module: its use-cases (and the ports they are handed),
 * giving a person a role, and small reads and writes of a person's own fields.
 */
export {
  appointAdmin,
  createUsersUsecases,
  type EndSessions,
  grantRole,
  type Invite,
  type UsersUsecases,
} from "./users.usecases.ts";

/** The person with this e-mail address (stored lower-cased), or undefined. */
export const findUserByEmail = (db: DbOrTx, email: string) => createUsersRepository({ db }).findByEmail(email);

/** The people with these ids: id, name and e-mail, in any order. */
export const findPeople = (db: DbOrTx, ids: string[]) => createUsersRepository({ db }).findPeople(ids);

/** Whether every one of `userIds` holds one of `roles` at the trust. */
export const allHoldOneOf = (db: DbOrTx, trustId: string, roles: readonly Role[], userIds: string[]) =>
  createUsersRepository({ db }).allHoldOneOf(trustId, roles, userIds);

/** How many memberships at the trust are for the institution (its coordinators). */
export const countCoordinators = (db: DbOrTx, trustId: string, institutionId: string) =>
  createUsersRepository({ db }).countCoordinators(trustId, institutionId);

/** Sets a person's password hash (the caller ends their sessions and writes the audit row). */
export const setPasswordHash = (db: DbOrTx, userId: string, passwordHash: string) =>
  createUsersRepository({ db }).update(userId, { passwordHash });

/** Gives or takes away the system administrator flag (the caller writes the audit row). */
export const setSystemAdmin = (db: DbOrTx, userId: string, on: boolean) =>
  createUsersRepository({ db }).update(userId, { isSystemAdmin: on });

/** The person's own preferences: UI language and notifications by e-mail (the caller writes the audit row). */
export const savePreferences = (
  db: DbOrTx,
  userId: string,
  values: Partial<Pick<typeof usersTable.$inferInsert, "language" | "emailNotifications">>,
) => createUsersRepository({ db }).update(userId, values);

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

/**
 * The trusts where the person holds an IT provider membership: the scope of the IT provider's
 * order-line policies (ADR 0007), read once per request, never from the request. Empty for a
 * deactivated person.
 */
export async function itProviderTrustsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ trustId: memberships.trustId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, itProviderRole), isNull(users.deactivatedAt)));
  return rows.map((r) => r.trustId);
}
