import { type AnyColumn, eq, sql } from "drizzle-orm";
import type { AuditRecord } from "../../../contracts/audit.ts";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { memberships } from "../users/users.table.ts";

/** How the audit trail names one kind of record, and the helpers its look-ups share (records.repository.ts). */

export type Found = Exclude<AuditRecord, { state: "gone" }>;
export type Lookup = (db: DbOrTx, trustId: string, ids: string[]) => Promise<[string, Found][]>;

export const named = (name: string, ...details: (string | null | undefined)[]): Found => ({
  state: "named",
  name,
  details: details.filter((d): d is string => Boolean(d)),
});

/** A student as the overview shows them: "Kari Nordmann"; anonymised rows and persons keep no name. */
export function student(
  r: { firstName: string; lastName: string; anonymisedAt: Date | null },
  ...details: string[]
): Found {
  if (r.anonymisedAt) return { state: "anonymised", details };
  return named([r.firstName, r.lastName].filter(Boolean).join(" "), ...details);
}

/** A notification by what it said (its first line, shortened), with its recipient. */
export function notificationName(text: string, recipient: string): Found {
  const first = text.split("\n")[0]?.trim() ?? "";
  return named(first.length > 80 ? `${first.slice(0, 79)}…` : first, recipient);
}

/*
 * Each look-up is built once per kind (`shared/built-once.ts`) with the trust and the page's ids as
 * bind parameters (`id = any($ids)`), so PostgreSQL parses and plans it once per connection rather
 * than for every page: a page of the log names four or five kinds of record.
 */
export const trustParam = sql.placeholder("trustId");
export const idsIn = (column: AnyColumn) => sql`${column} = any(${sql.placeholder("ids")}::uuid[])`;

interface BuiltSelect<R> {
  prepare(name: string): { execute(values: { trustId: string; ids: string[] }): Promise<R[]> };
}
export function builtLookup<R>(
  kind: string,
  build: (db: DbOrTx) => BuiltSelect<R>,
  name: (r: R) => [string, Found],
): Lookup {
  const prepared = builtOnce((db) => build(db).prepare(`audit_names_${kind}`));
  return async (db, trustId, ids) => (await prepared(db).execute({ trustId, ids })).map(name);
}

/** Users the trust knows: they hold (or held until now) a role there. */
export const usersOfTrust = (db: DbOrTx) =>
  db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.trustId, trustParam));
