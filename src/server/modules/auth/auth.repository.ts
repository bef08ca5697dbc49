import { and, asc, count, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { loginFailures, sessions } from "./auth.table.ts";

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
    async countRecentFailures(email: string, ip: string, since: Date) {
      const [byEmail] = await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
      const [byIp] = await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
      return { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 };
    },
    async recordFailure(email: string, ip: string, at: Date) {
      await db.insert(loginFailures).values({ email, ip, at });
    },
    async clearFailures(email: string) {
      await db.delete(loginFailures).where(eq(loginFailures.email, email));
    },
    async createSession(row: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(row);
    },
    async findSession(tokenHash: string) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
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
    /** The person's own preferences: UI language and notifications by e-mail. */
    async updatePreferences(
      userId: string,
      values: Partial<Pick<typeof users.$inferInsert, "language" | "emailNotifications">>,
    ) {
      await db
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, userId));
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
