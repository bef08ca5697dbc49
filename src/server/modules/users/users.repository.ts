import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/vocabulary.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { memberships, users } from "./users.table.ts";

export function createUsersRepository({ db }: { db: DbOrTx }) {
  return {
    /** How many users hold a membership at the trust (the length of `listForTrust`). */
    async countForTrust(trustId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
        .from(memberships)
        .where(eq(memberships.trustId, trustId));
      return row?.n ?? 0;
    },
    /** Users holding any membership at the trust, each with their memberships there. */
    async listForTrust(trustId: string, userId?: string) {
      const rows = await db
        .select({
          user: users,
          membershipId: memberships.id,
          role: memberships.role,
          institutionId: memberships.institutionId,
          institutionShortName: institutions.shortName,
        })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
        .where(and(eq(memberships.trustId, trustId), userId ? eq(users.id, userId) : undefined))
        .orderBy(asc(users.name), asc(memberships.role));
      const byUser = new Map<
        string,
        {
          id: string;
          email: string;
          name: string;
          active: boolean;
          hasPassword: boolean;
          memberships: { id: string; role: Role; institutionId: string | null; institutionShortName: string | null }[];
        }
      >();
      for (const r of rows) {
        let u = byUser.get(r.user.id);
        if (!u) {
          u = {
            id: r.user.id,
            email: r.user.email,
            name: r.user.name,
            active: r.user.deactivatedAt === null,
            hasPassword: r.user.passwordHash !== null,
            memberships: [],
          };
          byUser.set(u.id, u);
        }
        u.memberships.push({
          id: r.membershipId,
          role: r.role,
          institutionId: r.institutionId,
          institutionShortName: r.institutionShortName,
        });
      }
      return [...byUser.values()];
    },
    async findByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },
    /** The people with these ids: id, name and e-mail. */
    findPeople(ids: string[]) {
      return db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, ids));
    },
    async find(id: string) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    async create(values: typeof users.$inferInsert) {
      const [row] = await db.insert(users).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async update(id: string, values: Partial<typeof users.$inferInsert>) {
      await db
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, id));
    },
    async findMembership(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.trustId, trustId), eq(memberships.id, id)));
      return row;
    },
    async findSameMembership(m: { userId: string; trustId: string; role: Role; institutionId: string | null }) {
      const [row] = await db
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, m.userId),
            eq(memberships.trustId, m.trustId),
            eq(memberships.role, m.role),
            m.institutionId
              ? eq(memberships.institutionId, m.institutionId)
              : sql`${memberships.institutionId} is null`,
          ),
        );
      return row;
    },
    async addMembership(values: typeof memberships.$inferInsert) {
      const [row] = await db.insert(memberships).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async removeMembership(id: string) {
      await db.delete(memberships).where(eq(memberships.id, id));
    },
    /** Whether every user in `userIds` holds `role` at the trust. */
    async allHoldOneOf(trustId: string, roles: readonly Role[], userIds: string[]) {
      if (userIds.length === 0) return true;
      const rows = await db
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.trustId, trustId),
            inArray(memberships.role, [...roles]),
            inArray(memberships.userId, userIds),
          ),
        );
      return rows.length === new Set(userIds).size;
    },
    async countCoordinators(trustId: string, institutionId: string) {
      const rows = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.trustId, trustId), eq(memberships.institutionId, institutionId)));
      return rows.length;
    },
  };
}
