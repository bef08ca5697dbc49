import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../shared/database.ts";
import { users } from "../users/users.table.ts";
import { agreements } from "./agreements.table.ts";
import { institutions } from "./institutions.table.ts";

const institutionColumns = { id: institutions.id, name: institutions.name, shortName: institutions.shortName };

export function createInstitutionsRepository({ db }: { db: DbOrTx }) {
  const main = alias(users, "main_contact");
  const deputy = alias(users, "deputy_contact");
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
    async listAgreements(trustId: string, agreementId?: string) {
      const rows = await db
        .select({
          id: agreements.id,
          institution: institutionColumns,
          mainId: main.id,
          mainName: main.name,
          mainEmail: main.email,
          deputyId: deputy.id,
          deputyName: deputy.name,
          deputyEmail: deputy.email,
        })
        .from(agreements)
        .innerJoin(institutions, eq(institutions.id, agreements.institutionId))
        .leftJoin(main, eq(main.id, agreements.mainContactId))
        .leftJoin(deputy, eq(deputy.id, agreements.deputyContactId))
        .where(and(eq(agreements.trustId, trustId), agreementId ? eq(agreements.id, agreementId) : undefined))
        .orderBy(asc(institutions.shortName));
      return rows.map((r) => ({
        id: r.id,
        institution: r.institution,
        mainContact: r.mainId ? { id: r.mainId, name: r.mainName ?? "", email: r.mainEmail ?? "" } : null,
        deputyContact: r.deputyId ? { id: r.deputyId, name: r.deputyName ?? "", email: r.deputyEmail ?? "" } : null,
      }));
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
