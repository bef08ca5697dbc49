import { describe, expect, it } from "vitest";
import { builtOnce } from "./built-once.ts";
import type { DbOrTx } from "./database.ts";

describe("builtOnce", () => {
  it("builds once per database handle, and anew for another handle (a transaction)", () => {
    const built: DbOrTx[] = [];
    const statement = builtOnce((db) => {
      built.push(db);
      return { on: db };
    });
    const db = {} as DbOrTx;
    const tx = {} as DbOrTx;
    const first = statement(db);
    expect(statement(db)).toBe(first);
    expect(statement(tx).on).toBe(tx);
    expect(statement(tx)).toBe(statement(tx));
    expect(built).toEqual([db, tx]);
  });
});
