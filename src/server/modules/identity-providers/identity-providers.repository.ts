import { and, asc, eq, lt, ne } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { identityProviders, oidcLogins, userIdentities } from "./identity-providers.table.ts";

export function createIdentityProvidersRepository({ db }: { db: DbOrTx }) {
  return {
    async listForTrust(trustId: string) {
      return db
        .select()
        .from(identityProviders)
        .where(eq(identityProviders.trustId, trustId))
        .orderBy(asc(identityProviders.displayName), asc(identityProviders.id));
    },
    /** Enabled staff providers of every trust, for the sign-in page (never ID-porten). */
    async listEnabled() {
      return db
        .select({
          id: identityProviders.id,
          trustName: trusts.name,
          kind: identityProviders.kind,
          displayName: identityProviders.displayName,
        })
        .from(identityProviders)
        .innerJoin(trusts, eq(trusts.id, identityProviders.trustId))
        .where(and(eq(identityProviders.enabled, true), ne(identityProviders.kind, "idporten")))
        .orderBy(asc(trusts.name), asc(identityProviders.displayName), asc(identityProviders.id));
    },
    /** A provider of the trust; undefined for another trust's. */
    async findInTrust(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(identityProviders)
        .where(and(eq(identityProviders.trustId, trustId), eq(identityProviders.id, id)));
      return row;
    },
    /** The trust's enabled ID-porten provider (the first by name when there are several). */
    async findIdporten(trustId: string) {
      const [row] = await db
        .select()
        .from(identityProviders)
        .where(
          and(
            eq(identityProviders.trustId, trustId),
            eq(identityProviders.kind, "idporten"),
            eq(identityProviders.enabled, true),
          ),
        )
        .orderBy(asc(identityProviders.displayName), asc(identityProviders.id))
        .limit(1);
      return row;
    },
    async find(id: string) {
      const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
      return row;
    },
    async create(values: typeof identityProviders.$inferInsert) {
      const [row] = await db.insert(identityProviders).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async update(id: string, values: Partial<typeof identityProviders.$inferInsert>) {
      const [row] = await db
        .update(identityProviders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(identityProviders.id, id))
        .returning();
      return row as NonNullable<typeof row>;
    },
    async remove(id: string) {
      await db.delete(identityProviders).where(eq(identityProviders.id, id));
    },

    async createLogin(values: typeof oidcLogins.$inferInsert) {
      await db.insert(oidcLogins).values(values);
    },
    /** Takes the sign-in under way with this state: one statement, so only one callback ever gets it. */
    async takeLogin(stateHash: string) {
      const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.stateHash, stateHash)).returning();
      return row;
    },
    async deleteExpiredLogins(now: Date) {
      await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
    },

    async findIdentity(providerId: string, subject: string) {
      const [row] = await db
        .select()
        .from(userIdentities)
        .where(and(eq(userIdentities.providerId, providerId), eq(userIdentities.subject, subject)));
      return row;
    },
    async linkIdentity(values: typeof userIdentities.$inferInsert) {
      const [row] = await db.insert(userIdentities).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async touchIdentity(id: string, at: Date) {
      await db.update(userIdentities).set({ lastSignInAt: at }).where(eq(userIdentities.id, id));
    },
    async findUser(id: string) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    async findUserByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },
    async hasMembership(userId: string, trustId: string) {
      const [row] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.trustId, trustId)))
        .limit(1);
      return row !== undefined;
    },
  };
}
export type IdentityProvidersRepository = ReturnType<typeof createIdentityProvidersRepository>;
