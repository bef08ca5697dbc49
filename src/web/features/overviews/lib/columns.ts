import type { Row, RowField, Sheet } from "../../../../contracts/overviews.ts";
import { type Column, type ColumnKey, templateColumns } from "../../../../domain/overview-template.ts";
import { fieldOfColumn } from "../../../../domain/placement-row/fields.ts";

/** What a grid column holds and how its cells are edited. */
export type CellKind = "text" | "date" | "nationalId" | "site" | "state" | "comments" | "withdraw" | "actions";

export interface GridColumn {
  /** The template's column key, or the grid's own comments/actions columns. */
  key: ColumnKey | "comments" | "withdraw" | "actions";
  /** The row field the column edits; null for read-only and button columns. */
  field: RowField | null;
  kind: CellKind;
  /** The two name columns stay in view on horizontal scroll (from 768 px). Columns are as wide as their content. */
  frozen?: boolean;
}

const cellKinds = { nationalId: "nationalId", date: "date", site: "site" } as const;

/** A field's cells by its form (src/domain/placement-row/fields.ts); the state columns are read-only. */
const kindOf = (column: Column): CellKind => {
  const form = fieldOfColumn(column.key)?.form;
  if (form && form in cellKinds) return cellKinds[form as keyof typeof cellKinds];
  return column.state ? "state" : "text";
};

/**
 * The grid's columns in the template's order (SPEC §3.6), comments and row actions last; a submitted
 * sheet's grid has the withdrawal column before the actions.
 */
export function gridColumns(kind: Sheet["kind"], submitted = false): GridColumn[] {
  const columns: GridColumn[] = [];
  for (const c of templateColumns[kind]) {
    if (c.key === "rowId") continue;
    if (c.key === "comment") {
      columns.push({ key: "comments", field: null, kind: "comments" });
      continue;
    }
    columns.push({
      key: c.key,
      field: fieldOfColumn(c.key)?.key ?? null,
      kind: kindOf(c),
      frozen: c.key === "lastName" || c.key === "firstName",
    });
  }
  if (submitted) columns.push({ key: "withdraw", field: null, kind: "withdraw" });
  columns.push({ key: "actions", field: null, kind: "actions" });
  return columns;
}

/** "Etternavn, Fornavn" of a row, for labels and messages. */
export function rowLabel(row: Pick<Row, "lastName" | "firstName">, fallback: string): string {
  const name = [row.lastName, row.firstName].filter((s) => s.trim()).join(", ");
  return name || fallback;
}

/** Whether a row may be changed: the caller may edit, the row still holds a student's personal data and is not withdrawn. */
export const editableRow = (row: Row | undefined, canEdit: boolean) =>
  canEdit && row !== undefined && !row.anonymisedAt && !row.withdrawn;
