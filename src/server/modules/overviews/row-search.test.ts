import { drizzle } from "drizzle-orm/node-postgres";
import { describe, expect, it } from "vitest";
import type { Db } from "../../shared/database.ts";
import { nameSearch } from "./row-search.ts";

const db = drizzle.mock() as unknown as Db;
const scope = { trustId: "4b8f2c1e-0d3a-4e5f-9a6b-7c8d9e0f1a2b", institutionIds: null };
const statement = (q: string) => nameSearch(db, scope, q, 50).toSQL().sql;
/** The matches' subquery, as PostgreSQL gets it: `from (select … ) "hits"`. */
const subquery = (sql: string) => /from \((select .*?)\) "hits"/.exec(sql)?.[1] ?? "";

describe("the search's statement", () => {
  it("keeps the matches of a word of three letters or more apart, ordered, so the trigram indexes find them", () => {
    expect(subquery(statement("Haugland"))).toMatch(/ilike .* order by "placement_rows"."last_name"/);
    expect(subquery(statement("ka haug"))).toMatch(/ order by /);
  });

  it("lets shorter words walk the names in order: the subquery is merged", () => {
    expect(subquery(statement("an"))).toMatch(/ilike/);
    expect(subquery(statement("an ka"))).not.toMatch(/ order by /);
  });
});
