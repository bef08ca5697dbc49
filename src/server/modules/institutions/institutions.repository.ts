import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { agreements } from "./agreements.table.ts";
import { institutions } from "./institutions.table.ts";

const institutionColumns = { id: institutions.id, name: institutions.name, shortName: institutions.shortName };

export function createInstitutionsRepository({ db }: { db: DbOrTx }) {
  return {
    /** Institutions with an agreement with the trust; only `onlyIds` when given (coordinators). */
    listForTrust(trustId: string, onlyIds?: string[]) {
      return db
        .select(institutionColumns)
        .from(institutions)
        .innerJoin(agreements, eq(agreements.institutionId, institutions.id))
        .where(and(eq(agreements.trustId, trustId), onlyIds ? inArray(institutions.id, onlyIds) : undefined))
        .orderBy(asc(institutions.shortName));
    },
    /** How many institutions `listForTrust` (or, without a trust, `listAll`) gives. */
    async countVisible(trustId: string | null, onlyIds?: string[]) {
      const [row] = trustId
        ? await db
            .select({ n: sql<number>`count(*)::int` })
            .from(agreements)
            .where(
              and(eq(agreements.trustId, trustId), onlyIds ? inArray(agreements.institutionId, onlyIds) : undefined),
            )
        : await db.select({ n: sql<number>`count(*)::int` }).from(institutions);
      return row?.n ?? 0;
    },
    /** The trust's agreements (only with `onlyIds` when given), and those `userId` is main or deputy contact of. */
    async countAgreements(trustId: string, userId: string, onlyIds?: string[]) {
      const mine = or(eq(agreements.mainContactId, userId), eq(agreements.deputyContactId, userId));
      const [row] = await db
        .select({ all: sql<number>`count(*)::int`, mine: sql<number>`(count(*) filter (where ${mine}))::int` })
        .from(agreements)
        .where(and(eq(agreements.trustId, trustId), onlyIds ? inArray(agreements.institutionId, onlyIds) : undefined));
      return row ?? { all: 0, mine: 0 };
    },
    listAll() {
      return db.select(institutionColumns).from(institutions).orderBy(asc(institutions.shortName));
    },
    async find(id: string) {
      const [row] = await db.select(institutionColumns).from(institutions).where(eq(institutions.id, id));
      return row;
    },
    async create(values: { name: string; shortName: string }) {
      const [row] = await db.insert(institutions).values(values).returning(institutionColumns);
      return row as NonNullable<typeof row>;
    },
    async update(id: string, values: { name: string; shortName: string }) {
      const [row] = await db
        .update(institutions)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(institutions.id, id))
        .returning(institutionColumns);
      return row;
    },
    /** The trust's agreements (or the one with `agreementId`) with their institutions, by short name. */
    listAgreements(trustId: string, agreementId?: string) {
      return db
        .select({
          id: agreements.id,
          institution: institutionColumns,
          mainContactId: agreements.mainContactId,
          deputyContactId: agreements.deputyContactId,
        })
        .from(agreements)
        .innerJoin(institutions, eq(institutions.id, agreements.institutionId))
        .where(and(eq(agreements.trustId, trustId), agreementId ? eq(agreements.id, agreementId) : undefined))
        .orderBy(asc(institutions.shortName));
    },
    async findAgreementByInstitution(trustId: string, institutionId: string) {
      const [row] = await db
        .select()
        .from(agreements)
        .where(and(eq(agreements.trustId, trustId), eq(agreements.institutionId, institutionId)));
      return row;
    },
    async findAgreement(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(agreements)
        .where(and(eq(agreements.trustId, trustId), eq(agreements.id, id)));
      return row;
    },
    async createAgreement(values: typeof agreements.$inferInsert) {
      const [row] = await db.insert(agreements).values(values).returning();
      return row as NonNullable<typeof row>;
    },
    async updateAgreement(id: string, values: { mainContactId: string | null; deputyContactId: string | null }) {
      await db
        .update(agreements)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(agreements.id, id));
    },
    async deleteAgreement(id: string) {
      await db.delete(agreements).where(eq(agreements.id, id));
    },
  };
}
