import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./database.ts";
import { chunked } from "./sql-sets.ts";

/** Rows per statement: one bind parameter per column whatever the rows, so this only bounds memory. */
const rowsPerStatement = 5_000;

/**
 * Inserts many rows as `insert … select * from unnest($1::type[], …)`: one bind parameter per
 * column instead of one per value. A 2,000-row import bound 50,000 parameters per statement, which
 * Drizzle built and PostgreSQL parsed and planned value by value, holding the event loop meanwhile;
 * this binds about thirty arrays. Each value goes through its column's own mapping (dates, JSON),
 * as Drizzle's insert does. A column no row gives takes its default; one that some rows give and
 * others not cannot be said per row in arrays, so that is a programming error. `onConflict` is the
 * statement's conflict clause (e.g. `on conflict (id) do update set …`).
 */
export async function insertInSets<T extends PgTable>(
  db: DbOrTx,
  table: T,
  values: T["$inferInsert"][],
  onConflict?: SQL,
): Promise<void> {
  if (values.length === 0) return;
  const all = Object.entries(getTableColumns(table));
  const given = (key: string) => (v: T["$inferInsert"]) => (v as Record<string, unknown>)[key] !== undefined;
  const columns = all.filter(([key]) => values.every(given(key)));
  const partial = all.find(([key]) => !columns.some(([k]) => k === key) && values.some(given(key)));
  if (partial) throw new Error(`insertInSets: ${getTableName(table)}.${partial[1].name} is given for some rows only`);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // unnest flattens an array of arrays, so an array column's values travel as JSON and are rebuilt.
  const isArray = columns.map(([, column]) => column.getSQLType().endsWith("[]"));
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(", "));
  const selected = sql.join(
    columns.map(([, column], i) =>
      isArray[i]
        ? sql.raw(
            `case when c${i} is null then null else array(select jsonb_array_elements_text(c${i}))::${column.getSQLType()} end`,
          )
        : sql.raw(`c${i}`),
    ),
    sql`, `,
  );
  for (const part of chunked(values, rowsPerStatement)) {
    const arrays = columns.map(([key, column], i) => {
      const list = part.map((v) => {
        const value = (v as Record<string, unknown>)[key];
        if (value === null) return null;
        return isArray[i] ? JSON.stringify(value) : column.mapToDriverValue(value);
      });
      return sql`${sql.param(list)}::${sql.raw(isArray[i] ? "jsonb" : column.getSQLType())}[]`;
    });
    await db.execute(
      sql`insert into ${table} (${names}) select ${selected} from unnest(${sql.join(arrays, sql`, `)}) as t(${aliases}) ${onConflict ?? sql``}`,
    );
  }
}
