import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * PostgreSQL takes at most 65,535 bind parameters per statement; statements over many values are
 * cut into parts that stay well below it.
 */
export const maxParameters = 50_000;

/** `items` in parts of at most `size`. */
export function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Parts of `items` for statements that bind `perItem` parameters each. */
export const chunkedByParameters = <T>(items: T[], perItem: number): T[][] =>
  chunked(items, Math.max(1, Math.floor(maxParameters / perItem)));

/** A person's weaker key: last name, first name and birth date, as the rows and persons store them. */
export interface NameKey {
  lastName: string;
  firstName: string;
  birthDate: string;
}

export const nameKeyOf = (k: NameKey) => `${k.lastName}\u0000${k.firstName}\u0000${k.birthDate}`;

/**
 * `column = any($1)`: one bind parameter for any number of values (PGlite fails on statements with
 * thousands of them), typed by `type` (`text`, `uuid`).
 */
export const anyOf = (column: AnyColumn | SQL, values: string[], type: "text" | "uuid"): SQL =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;

/** `(last_name, first_name, birth_date) in (…)` for these keys, in three bind parameters. */
export function nameKeyIn(
  cols: { lastName: AnyColumn; firstName: AnyColumn; birthDate: AnyColumn },
  keys: NameKey[],
): SQL {
  const p = (f: keyof NameKey) => sql.param(keys.map((k) => k[f]));
  return sql`(${cols.lastName}, ${cols.firstName}, ${cols.birthDate}) in (select * from unnest(${p("lastName")}::text[], ${p("firstName")}::text[], ${p("birthDate")}::date[]))`;
}
