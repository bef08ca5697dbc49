import type { Database } from "../src/server/shared/database.ts";
import { query } from "./databases.ts";

/**
 * Inserts `columns` of many rows in statements of `batch` rows: `insert … select … from unnest(…)`.
 * A column's type names its array (`uuid`: `uuid[]`); `text:role` sends text and casts each value.
 */
export async function insertMany(
  database: Database,
  table: string,
  columns: [name: string, type: string][],
  rows: unknown[][],
  batch = 5_000,
): Promise<void> {
  const names = columns.map(([n]) => n).join(", ");
  const arrays = columns.map(([, t], i) => `$${i + 1}::${t.split(":")[0]}[]`).join(", ");
  const values = columns.map(([, t], i) => `c${i}${t.includes(":") ? `::${t.split(":")[1]}` : ""}`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    await query(
      database,
      `insert into ${table} (${names}) select ${values} from unnest(${arrays}) as t(${aliases})`,
      columns.map((_, c) => slice.map((r) => r[c] ?? null)),
    );
  }
}
