import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rolesOf } from "../../../contracts/policies.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { agreements } from "../institutions/agreements.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { accountRequests, invitations } from "./account-requests.table.ts";

export function createAccountRequestsRepository({ db }: { db: DbOrTx }) {
  const decider = alias(users, "decider");
  const existing = alias(users, "existing");
  return {
    /** Trusts with the institutions they have agreements with: what the request form offers. */
    async publicTrusts() {
      const rows = await db
        .select({
          trustId: trusts.id,
          trustName: trusts.name,
          institutionId: institutions.id,
          institutionName: institutions.name,
          institutionShortName: institutions.shortName,
        })
        .from(trusts)
        .leftJoin(agreements, eq(agreements.trustId, trusts.id))
        .leftJoin(institutions, eq(institutions.id, agreements.institutionId))
        .orderBy(asc(trusts.name), asc(institutions.shortName));
      const byTrust = new Map<
        string,
        { id: string; name: string; institutions: { id: string; name: string; shortName: string }[] }
      >();
      for (const r of rows) {
        const t = byTrust.get(r.trustId) ?? { id: r.trustId, name: r.trustName, institutions: [] };
        byTrust.set(r.trustId, t);
        if (r.institutionId)
          t.institutions.push({
            id: r.institutionId,
            name: r.institutionName ?? "",
            shortName: r.institutionShortName ?? "",
          });
      }
      return [...byTrust.values()];
    },
    async findTrust(id: string) {
      const [row] = await db.select().from(trusts).where(eq(trusts.id, id));
      return row;
    },
    async hasAgreement(trustId: string, institutionId: string) {
      const [row] = await db
        .select({ id: agreements.id })
        .from(agreements)
        .where(and(eq(agreements.trustId, trustId), eq(agreements.institutionId, institutionId)));
      return Boolean(row);
    },
    async findPending(trustId: string, email: string) {
      const [row] = await db
        .select({ id: accountRequests.id })
        .from(accountRequests)
        .where(
          and(
            eq(accountRequests.trustId, trustId),
            eq(accountRequests.email, email),
            eq(accountRequests.status, "pending"),
          ),
        );
      return row;
    },
    async insert(values: typeof accountRequests.$inferInsert) {
      const [row] = await db.insert(accountRequests).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async adminIds(trustId: string) {
      const rows = await db
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.trustId, trustId), inArray(memberships.role, rolesOf("accountRequests.review"))));
      return rows.map((r) => r.id);
    },
    async list(trustId: string, filter: { status?: "pending" | "approved" | "declined"; id?: string }) {
      const rows = await db
        .select({
          request: accountRequests,
          institution: { id: institutions.id, shortName: institutions.shortName, name: institutions.name },
          deciderId: decider.id,
          deciderName: decider.name,
          existingId: existing.id,
        })
        .from(accountRequests)
        .leftJoin(institutions, eq(institutions.id, accountRequests.institutionId))
        .leftJoin(decider, eq(decider.id, accountRequests.decidedBy))
        .leftJoin(existing, eq(existing.email, accountRequests.email))
        .where(
          and(
            eq(accountRequests.trustId, trustId),
            filter.status ? eq(accountRequests.status, filter.status) : undefined,
            filter.id ? eq(accountRequests.id, filter.id) : undefined,
          ),
        )
        .orderBy(desc(accountRequests.createdAt));
      return rows.map((r) => ({
        id: r.request.id,
        name: r.request.name,
        email: r.request.email,
        role: r.request.role,
        institution: r.institution?.id ? r.institution : null,
        message: r.request.message,
        status: r.request.status,
        createdAt: r.request.createdAt.toISOString(),
        decidedAt: r.request.decidedAt?.toISOString() ?? null,
        decidedBy: r.deciderId ? { id: r.deciderId, name: r.deciderName ?? "" } : null,
        declineReason: r.request.declineReason,
        existingUser: r.existingId !== null,
      }));
    },
    async decide(
      id: string,
      values: { status: "approved" | "declined"; decidedBy: string; decidedAt: Date; declineReason?: string },
    ) {
      await db.update(accountRequests).set(values).where(eq(accountRequests.id, id));
    },
    async insertInvitation(values: typeof invitations.$inferInsert) {
      await db.insert(invitations).values(values);
    },
    async findInvitation(tokenHash: string) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row;
    },
    /** Marks the invitation used; false when someone used it first. */
    async useInvitation(tokenHash: string, at: Date) {
      const rows = await db
        .update(invitations)
        .set({ usedAt: at })
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt)))
        .returning({ userId: invitations.userId });
      return rows[0];
    },
  };
}
