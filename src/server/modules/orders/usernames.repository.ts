import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { usernames } from "./orders.table.ts";

/**
 * The usernames of persons with a national ID, keyed by its keyed hash and shared by every trust
 * the IT provider serves (ADR 0007): a username recorded on one trust's line shows on the same
 * student's lines at another. Persons without a national ID keep theirs on the person.
 */
export function createUsernamesRepository({ db }: { db: DbOrTx }) {
  return {
    /** Records (or replaces) each person's username: one statement for any number. */
    async record(entries: { nationalIdHash: string; username: string }[], by: string, at: Date) {
      if (entries.length === 0) return;
      await db.execute(sql`
        insert into ${usernames} (national_id_hash, username, recorded_by, recorded_at)
        select v.hash, v.username, ${by}::uuid, ${at.toISOString()}::timestamptz
        from unnest(${sql.param(entries.map((e) => e.nationalIdHash))}::text[], ${sql.param(entries.map((e) => e.username))}::text[]) as v(hash, username)
        on conflict (national_id_hash) do update
          set username = excluded.username, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`);
    },
  };
}
