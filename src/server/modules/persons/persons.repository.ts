import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { persons } from "./persons.table.ts";

export type PersonRow = typeof persons.$inferSelect;

/** Every query is scoped by trust: another trust's person is simply not found. */
export function createPersonsRepository({ db }: { db: DbOrTx }) {
  return {
    async find(trustId: string, id: string) {
      const [row] = await db
        .select()
        .from(persons)
        .where(and(eq(persons.trustId, trustId), eq(persons.id, id)));
      return row;
    },
    async findByNationalIdHash(trustId: string, hash: string) {
      const [row] = await db
        .select()
        .from(persons)
        .where(and(eq(persons.trustId, trustId), eq(persons.nationalIdHash, hash)));
      return row;
    },
    /** Persons with this (lower-cased) e-mail at the trust, for matching overview rows. */
    findByEmail(trustId: string, email: string) {
      return db
        .select()
        .from(persons)
        .where(and(eq(persons.trustId, trustId), eq(persons.email, email)));
    },
    /** Persons with these names and birth date at the trust, for matching overview rows. */
    findByNameAndBirthDate(trustId: string, lastName: string, firstName: string, birthDate: string) {
      return db
        .select()
        .from(persons)
        .where(
          and(
            eq(persons.trustId, trustId),
            eq(persons.lastName, lastName),
            eq(persons.firstName, firstName),
            eq(persons.birthDate, birthDate),
          ),
        );
    },
    async create(values: typeof persons.$inferInsert) {
      const [row] = await db.insert(persons).values(values).returning();
      return row as PersonRow;
    },
    async update(trustId: string, id: string, values: Partial<typeof persons.$inferInsert>) {
      const [row] = await db
        .update(persons)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(persons.trustId, trustId), eq(persons.id, id)))
        .returning();
      return row as PersonRow;
    },
    /** Whether the trust accepts H-numbers and synthetic test national IDs. */
    async trustTestMode(trustId: string) {
      const [row] = await db.select({ testMode: trusts.testMode }).from(trusts).where(eq(trusts.id, trustId));
      return row?.testMode ?? false;
    },
  };
}
