import type { Row } from "../../../../contracts/overviews.ts";
import type { GridColumn } from "./columns.ts";

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
