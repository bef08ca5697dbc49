import { createHash } from "node:crypto";
import { and, asc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/vocabulary.ts";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { loginFailures, sessions } from "./auth.table.ts";
import type { RecentFailures } from "./auth.throttle.ts";

/** The advisory locks' first key for sign-in throttling (the two-key form, apart from single-key locks). */
const throttleLockSpace = 7_270_402;

/**
 * The session, its person and the person's memberships at the session's trust, in one statement:
 * every request of a signed-in caller runs it, so it is built once (`builtOnce`).
 */
const sessionOf = builtOnce((db) =>
  db
    .select({
      session: sessions,
      user: users,
      memberships: sql<{ role: Role; institutionId: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', ${memberships.role}, 'institutionId', ${memberships.institutionId}))
          from ${memberships}
         where ${memberships.userId} = ${sessions.userId} and ${memberships.trustId} = ${sessions.activeTrustId}
      ), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("auth_find_session"),
);

export function createAuthRepository({ db }: { db: DbOrTx }) {
  return {
    async findUserByEmail(email: string) {
      const [user] = await db.select().from(users).where(eq(users.email, email));
      return user;
    },
    async findUser(id: string) {
      const [user] = await db.select().from(users).where(eq(users.id, id));
      return user;
    },
    /**
     * Holds the account's and the address's throttling until the transaction ends, so attempts for
     * either are counted and recorded one at a time across connections and instances. The two locks
     * are taken in ascending order, so two attempts never each hold the one the other waits for.
     */
    async lockFailures(emailHash: string, ip: string) {
      const keys = [`account:${emailHash}`, `address:${ip}`]
        .map((key) => createHash("sha256").update(key).digest().readInt32BE(0))
        .sort((a, b) => a - b);
      for (const key of new Set(keys)) {
        await db.execute(sql`select pg_advisory_xact_lock(${throttleLockSpace}::int, ${key}::int)`);
      }
    },
    /** The failures since `since` of the account (by its hash), of the account from the address, and of the address. */
    async recentFailures(emailHash: string, ip: string, since: Date): Promise<RecentFailures> {
      const ofAccount = sql`${loginFailures.emailHash} = ${emailHash}`;
      const ofAddress = sql`${loginFailures.ip} = ${ip}`;
      const [row] = await db
        .select({
          accountCount: sql`count(*) filter (where ${ofAccount})`.mapWith(Number),
          accountLast: sql<Date | null>`max(${loginFailures.at}) filter (where ${ofAccount})`.mapWith(loginFailures.at),
          accountFromAddress: sql`count(*) filter (where ${ofAccount} and ${ofAddress})`.mapWith(Number),
          addressCount: sql`count(*) filter (where ${ofAddress})`.mapWith(Number),
          addressLast: sql<Date | null>`max(${loginFailures.at}) filter (where ${ofAddress})`.mapWith(loginFailures.at),
        })
        .from(loginFailures)
        .where(and(or(eq(loginFailures.emailHash, emailHash), eq(loginFailures.ip, ip)), gt(loginFailures.at, since)));
      return {
        account: { count: row?.accountCount ?? 0, last: row?.accountLast ?? null },
        accountFromAddress: row?.accountFromAddress ?? 0,
        address: { count: row?.addressCount ?? 0, last: row?.addressLast ?? null },
      };
    },
    async recordFailure(emailHash: string, ip: string, at: Date) {
      await db.insert(loginFailures).values({ emailHash, ip, at });
    },
    /** Forgets the account's failures from this address (its owner signed in from there). */
    async clearFailures(emailHash: string, ip: string) {
      await db.delete(loginFailures).where(and(eq(loginFailures.emailHash, emailHash), eq(loginFailures.ip, ip)));
    },
    /** Deletes up to 100 failures older than `before`, skipping rows another attempt is deleting. */
    async pruneFailures(before: Date) {
      const old = db
        .select({ id: loginFailures.id })
        .from(loginFailures)
        .where(lt(loginFailures.at, before))
        .limit(100)
        .for("update", { skipLocked: true });
      await db.delete(loginFailures).where(inArray(loginFailures.id, old));
    },
    async createSession(row: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(row);
    },
    /** The session, its person and the person's memberships at the session's trust (`sessionOf`). */
    async findSession(tokenHash: string) {
      const [row] = await sessionOf(db).execute({ tokenHash });
      return row;
    },
    async touchSession(tokenHash: string, at: Date) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
    },
    async setActiveTrust(tokenHash: string, trustId: string) {
      await db.update(sessions).set({ activeTrustId: trustId }).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteSession(tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async listMemberships(userId: string) {
      return db
        .select({
          id: memberships.id,
          trustId: memberships.trustId,
          trustName: trusts.name,
          role: memberships.role,
          institutionId: memberships.institutionId,
          institutionName: institutions.name,
          institutionShortName: institutions.shortName,
        })
        .from(memberships)
        .innerJoin(trusts, eq(trusts.id, memberships.trustId))
        .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(trusts.name), asc(memberships.role));
    },
    async findTrust(id: string) {
      const [trust] = await db.select().from(trusts).where(eq(trusts.id, id));
      return trust;
    },
    /** Ends all sessions of a person (deactivated, or given a new password). */
    async endSessionsOf(userId: string) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
