import type { RowInput, Sheet } from "../../../../contracts/overviews.ts";
import { type ColumnKey, columnForHeader, templateColumns } from "../../../../domain/overview-template.ts";
import { fieldOfColumn } from "../../../../domain/placement-row/fields.ts";

/** The input key a pasted cell of a template column goes into (the site by name); none for the state and comment columns. */
const inputKey = (key: ColumnKey) => fieldOfColumn(key)?.cellKey;

/**
 * Rows copied from Excel: tab-separated cells, one line a row; a cell with a line break or a tab
 * comes in double quotes ("" for a quote inside).
 */
export function parseTabular(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const source = text.replace(/\r\n?/g, "\n");
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
      continue;
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

export interface PastedRows {
  rows: RowInput[];
  /** Whether the first line was a header row (columns matched by name), else the template's order. */
  header: boolean;
  /** The columns read, in the order of the pasted cells (null: ignored). */
  columns: Array<ColumnKey | null>;
  /** Headers of columns that were ignored (unknown, or state columns the app knows itself). */
  ignored: string[];
}

/** Turns pasted text into row inputs for a sheet of `kind`: by header names when there are any, else by template order. */
export function rowsFromPaste(text: string, kind: Sheet["kind"]): PastedRows {
  const table = parseTabular(text);
  if (table.length === 0) return { rows: [], header: false, columns: [], ignored: [] };
  const first = table[0] as string[];
  const matched = first.map((h) => columnForHeader(kind, h));
  const header = matched.filter((k) => k !== null).length >= 2;
  const columns: Array<ColumnKey | null> = header ? matched : templateColumns[kind].map((c) => c.key);
  const ignored: string[] = [];
  columns.forEach((key, index) => {
    const usable = key !== null && inputKey(key) !== undefined;
    if (!usable && header) ignored.push((first[index] ?? "").trim() || `#${index + 1}`);
    if (!usable && !header && key !== null && index < first.length) {
      const template = templateColumns[kind].find((c) => c.key === key);
      if (template && table.some((r) => (r[index] ?? "").trim() !== "")) ignored.push(template.header);
    }
  });
  const body = header ? table.slice(1) : table;
  const rows = body.map((cells) => {
    const input: RowInput = {};
    cells.forEach((cell, index) => {
      const key = columns[index];
      const target = key ? inputKey(key) : undefined;
      const value = cell.trim();
      if (!target || value === "") return;
      (input as Record<string, string>)[target] = value;
    });
    return input;
  });
  return { rows: rows.filter((r) => Object.keys(r).length > 0), header, columns, ignored };
}
