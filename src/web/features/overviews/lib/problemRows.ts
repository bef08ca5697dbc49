import type { Row, RowField } from "../../../../contracts/overviews.ts";
import type { CellProblem } from "./cells.ts";
import type { GridColumn } from "./columns.ts";
import type { Draft } from "./drafts.ts";

/** Whether a row has an error (a warning does not stop the submission). */
export const hasError = (row: Row) => row.problems.some((p) => !p.warning);

/** A cell to move to: the row and the grid column. */
export type CellTarget = { rowId: string; column: number };

/**
 * The next row with an error after the row `afterRowId` (from the top when it is null, gone or
 * the last one with an error), at its first error from the left; a problem of the whole row (no
 * field, or a field the sheet has no column for) is shown in the name column.
 */
export function nextErrorCell(rows: Row[], columns: GridColumn[], afterRowId: string | null): CellTarget | null {
  const after = afterRowId ? rows.findIndex((r) => r.id === afterRowId) : -1;
  const ordered = [...rows.slice(after + 1), ...rows.slice(0, after + 1)];
  const row = ordered.find(hasError);
  if (!row) return null;
  const column = Math.min(
    ...row.problems
      .filter((p) => !p.warning)
      .map((p) =>
        p.field
          ? Math.max(
              0,
              columns.findIndex((c) => c.field === p.field),
            )
          : 0,
      ),
  );
  return { rowId: row.id, column };
}

/**
 * The problems a cell shows: its draft's while a typed value is saving or was refused, else the
 * server's of its field; the name column (the first) also shows those of the whole row.
 */
export function cellProblems(row: Row, field: RowField, columnIndex: number, draft: Draft | undefined): CellProblem[] {
  if (draft) return draft.problems;
  return row.problems
    .filter((p) => p.field === field || (columnIndex === 0 && p.field === null))
    .map((p) => ({ code: p.code, warning: p.warning, suggestions: p.suggestions }));
}
