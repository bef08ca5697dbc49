import type { DbOrTx } from "./database.ts";

/**
 * A statement that a hot read builds once per database handle instead of on every call. Drizzle
 * builds a query's SQL anew each time it runs (walking the selection, rendering every column and
 * condition), a visible share of the server's CPU on small reads; a prepared query keeps the SQL
 * and takes new values through `sql.placeholder`. On PostgreSQL the name makes it a named
 * prepared statement, parsed once per connection. `build` is given the handle the statement will
 * run on; a prepared query runs only there, so a transaction (a new handle each time) gets its own.
 *
 * ```ts
 * const sessionOf = builtOnce((db) =>
 *   db.select().from(sessions).where(eq(sessions.tokenHash, sql.placeholder("tokenHash"))).prepare("auth_session"),
 * );
 * const [row] = await sessionOf(db).execute({ tokenHash });
 * ```
 */
export function builtOnce<Prepared>(build: (db: DbOrTx) => Prepared): (db: DbOrTx) => Prepared {
  const built = new WeakMap<DbOrTx, Prepared>();
  return (db) => {
    let prepared = built.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      built.set(db, prepared);
    }
    return prepared;
  };
}
