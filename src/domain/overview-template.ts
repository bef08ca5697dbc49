/**
 * The columns of the overview templates (seed "Mal for skjema"; SPEC §3.6), one student a row.
 * Import accepts either language's headers in any order; export writes the sheet's own language.
 */
import { type FieldColumnKey, fieldInfos } from "./placement-row/fields.ts";
import type { SheetKind } from "./sheet-kind.ts";

/** The template's columns: the row's fields (`placement-row/fields.ts`), the state columns, the comments and the row ID. */
export type ColumnKey = FieldColumnKey | "registered" | "ordered" | "learningPortalUser" | "comment" | "rowId";

export interface Column {
  key: ColumnKey;
  /** The header the template writes. */
  header: string;
  /** Other headers people use for it (the other language, short forms). */
  aliases: string[];
  /** State columns: written on export, ignored on import (the app knows those states). */
  state?: boolean;
  width: number;
}

/** The hidden column that lets a re-import know each row. */
export const rowIdHeader = "Rad-ID";

const lang = (kind: SheetKind) => (kind === "international" ? "en" : "nb");
const other = (kind: SheetKind) => (kind === "international" ? "nb" : "en");

/** The columns after the row's fields: states the app keeps, and the comments. */
const trailing: Record<SheetKind, Column[]> = {
  norwegian: [
    { key: "registered", header: "Registrert", aliases: ["Registered"], state: true, width: 16 },
    { key: "ordered", header: "Bestilt", aliases: ["Ordered"], state: true, width: 14 },
    { key: "comment", header: "Kommentar", aliases: ["Comment", "Merknad"], width: 30 },
  ],
  international: [
    { key: "registered", header: "Registered", aliases: ["Registrert"], state: true, width: 16 },
    { key: "ordered", header: "Ordered", aliases: ["Bestilt"], state: true, width: 14 },
    {
      key: "learningPortalUser",
      header: "Learning portal user",
      aliases: ["Læringsportalen", "Læringsportal-bruker"],
      state: true,
      width: 18,
    },
    { key: "comment", header: "Comment", aliases: ["Kommentar"], width: 30 },
  ],
};

const fieldColumns = (kind: SheetKind): Column[] =>
  fieldInfos.flatMap((f) => {
    const sheet = f.sheets[kind];
    if (!sheet) return [];
    return [
      {
        key: f.column,
        header: f.headers[lang(kind)],
        aliases: [f.headers[other(kind)], ...sheet.aliases],
        width: sheet.width,
      },
    ];
  });

export const templateColumns: Record<SheetKind, Column[]> = {
  norwegian: [...fieldColumns("norwegian"), ...trailing.norwegian],
  international: [...fieldColumns("international"), ...trailing.international],
};

/** Lower-case, single spaces, no punctuation at the ends: how headers are compared. */
export const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s:*.-]+|[\s:*.-]+$/g, "")
    .trim();

/** The column a header names in a sheet of `kind`, by its header or an alias; the row-ID column too. */
export function columnForHeader(kind: SheetKind, header: string): ColumnKey | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  if (h === normalizeHeader(rowIdHeader) || h === "row id") return "rowId";
  for (const c of templateColumns[kind]) {
    if (normalizeHeader(c.header) === h || c.aliases.some((a) => normalizeHeader(a) === h)) return c.key;
  }
  return null;
}
