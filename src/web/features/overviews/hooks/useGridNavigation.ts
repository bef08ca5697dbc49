import { type RefObject, useCallback, useEffect, useState } from "react";
import type { Row } from "../../../../contracts/overviews.ts";
import { cellKey, type Position } from "../lib/gridKeys.ts";
import { showCell } from "../lib/gridScroll.ts";
import type { CellTarget } from "../lib/problemRows.ts";

/**
 * The grid's active cell (its one tab stop) and moving focus: kept inside the grid when rows come
 * and go, scrolled to a highlighted row (`?rad=` from search, a row just added) once per row, and
 * focused on a cell asked for (`focusTarget`: the first of a row just added, the next error).
 */
export function useGridNavigation({
  gridRef,
  rows,
  columnCount,
  highlightRowId,
  focusTarget,
  onFocusedRow,
}: {
  gridRef: RefObject<HTMLTableElement | null>;
  rows: Row[];
  columnCount: number;
  highlightRowId: string | null;
  focusTarget: CellTarget | null;
  onFocusedRow: () => void;
}) {
  const [active, setActive] = useState<Position>({ r: 0, c: 0 });

  // Keep the active cell inside the grid when rows come and go.
  useEffect(() => {
    setActive((p) => ({ r: Math.min(p.r, Math.max(rows.length - 1, 0)), c: Math.min(p.c, columnCount - 1) }));
  }, [rows.length, columnCount]);

  /** Makes the cell (kept inside the grid) active, focuses it and scrolls it whole into view. */
  const focusCell = useCallback(
    (p: Position) => {
      const r = Math.max(0, Math.min(rows.length - 1, p.r));
      const c = Math.max(0, Math.min(columnCount - 1, p.c));
      setActive({ r, c });
      window.requestAnimationFrame(() => {
        const table = gridRef.current;
        const el = table?.querySelector<HTMLElement>(`[data-cell="${cellKey({ r, c })}"]`);
        const cell = el?.closest<HTMLElement>("td,th");
        el?.focus({ preventScroll: true });
        if (table?.parentElement && cell) showCell(table.parentElement, table, cell);
      });
    },
    [gridRef, rows.length, columnCount],
  );

  // Once per highlighted row, not again after each save (saving replaces the rows array).
  const highlightIndex = highlightRowId ? rows.findIndex((row) => row.id === highlightRowId) : -1;
  useEffect(() => {
    if (!highlightRowId || highlightIndex < 0) return;
    setActive({ r: highlightIndex, c: 0 });
    window.requestAnimationFrame(() =>
      gridRef.current?.querySelector(`[data-row-id="${highlightRowId}"]`)?.scrollIntoView({ block: "center" }),
    );
  }, [gridRef, highlightRowId, highlightIndex]);

  useEffect(() => {
    if (!focusTarget) return;
    const r = rows.findIndex((row) => row.id === focusTarget.rowId);
    if (r < 0) return;
    onFocusedRow();
    focusCell({ r, c: focusTarget.column });
  }, [focusTarget, rows, focusCell, onFocusedRow]);

  return { active, setActive, focusCell };
}
