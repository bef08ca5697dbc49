import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { insertInSets } from "../../shared/insert-sets.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { anyOf, chunked, type NameKey, nameKeyIn } from "../../shared/sql-sets.ts";
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
    /** The trust's persons holding one of these national ID hashes. */
    async findByNationalIdHashes(trustId: string, hashes: string[]) {
      const out: PersonRow[] = [];
      for (const part of chunked([...new Set(hashes)], 5000)) {
        out.push(
          ...(await db
            .select()
            .from(persons)
            .where(and(eq(persons.trustId, trustId), anyOf(persons.nationalIdHash, part, "text")))),
        );
      }
      return out;
    },
    /** The trust's persons (not anonymised) whose own e-mail is one of these. */
    async findByEmails(trustId: string, emails: string[]) {
      const out: PersonRow[] = [];
      for (const part of chunked([...new Set(emails)], 5000)) {
        out.push(
          ...(await db
            .select()
            .from(persons)
            .where(
              and(eq(persons.trustId, trustId), isNull(persons.anonymisedAt), anyOf(persons.email, part, "text")),
            )),
        );
      }
      return out;
    },
    /** The trust's persons (not anonymised) whose own names and birth date are one of these. */
    async findByNameKeys(trustId: string, keys: NameKey[]) {
      const out: PersonRow[] = [];
      for (const part of chunked(keys, 10_000)) {
        out.push(
          ...(await db
            .select()
            .from(persons)
            .where(and(eq(persons.trustId, trustId), isNull(persons.anonymisedAt), nameKeyIn(persons, part)))),
        );
      }
      return out;
    },
    /** The trust's persons with these ids, oldest first; `forUpdate` locks them for the transaction. */
    findMany(trustId: string, ids: string[], opts: { forUpdate?: boolean } = {}): Promise<PersonRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      const q = db
        .select()
        .from(persons)
        .where(and(eq(persons.trustId, trustId), anyOf(persons.id, ids, "uuid")))
        .orderBy(asc(persons.createdAt), asc(persons.id));
      return opts.forUpdate ? q.for("update") : q;
    },
    /**
     * Groups of two or more persons at the trust (not anonymised) with the same e-mail, or the same
     * names (case-insensitive) and birth date, ordered by what they share; one page and the total.
     */
    async duplicateGroups(
      trustId: string,
      f: { reason?: "email" | "name_birth_date"; q?: string; limit: number; offset: number },
    ) {
      const search = f.q ? containsPattern(f.q.toLowerCase()) : null;
      const result = await db.execute(sql`
        with keyed as (
          select id, created_at, 'email' as reason, email as key
            from persons
           where trust_id = ${trustId} and anonymised_at is null and email is not null
          union all
          select id, created_at, 'name_birth_date' as reason,
                 lower(last_name) || ', ' || lower(first_name) || ', ' || birth_date::text as key
            from persons
           where trust_id = ${trustId} and anonymised_at is null and birth_date is not null
             and last_name <> '' and first_name <> ''
        ), groups as (
          select reason, key, array_agg(id::text order by created_at, id) as ids
            from keyed
           where (${f.reason ?? null}::text is null or reason = ${f.reason ?? null})
             and (${search}::text is null or key like ${search})
           group by reason, key
          having count(*) > 1
        )
        select reason, key, ids, count(*) over () as total
          from groups
         order by key, reason
         limit ${f.limit} offset ${f.offset}`);
      const rows = (result as unknown as { rows: { reason: string; key: string; ids: string[]; total: string }[] })
        .rows;
      return {
        groups: rows.map((r) => ({ reason: r.reason as "email" | "name_birth_date", key: r.key, ids: r.ids })),
        total: Number(rows[0]?.total ?? 0),
      };
    },
    async create(values: typeof persons.$inferInsert) {
      const [row] = await db.insert(persons).values(values).returning();
      return row as PersonRow;
    },
    /** Inserts persons, as many per statement as the parameter limit allows. */
    /** Inserts the persons in sets and reads them back (their defaults filled in); each needs its `id`. */
    async createMany(values: (typeof persons.$inferInsert & { id: string })[]) {
      if (values.length === 0) return [];
      await insertInSets(db, persons, values);
      return db
        .select()
        .from(persons)
        .where(
          anyOf(
            persons.id,
            values.map((v) => v.id),
            "uuid",
          ),
        );
    },
    async update(trustId: string, id: string, values: Partial<typeof persons.$inferInsert>) {
      const [row] = await db
        .update(persons)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(persons.trustId, trustId), eq(persons.id, id)))
        .returning();
      return row as PersonRow;
    },
    async delete(trustId: string, id: string) {
      await db.delete(persons).where(and(eq(persons.trustId, trustId), eq(persons.id, id)));
    },
    /** Takes the national ID off a person (a merge moves it to the surviving record). */
    async clearNationalId(trustId: string, id: string) {
      await db
        .update(persons)
        .set({ nationalIdEnc: null, nationalIdHash: null })
        .where(and(eq(persons.trustId, trustId), eq(persons.id, id)));
    },
  };
}
