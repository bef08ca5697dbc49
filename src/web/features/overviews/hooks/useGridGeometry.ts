import { type RefObject, useLayoutEffect } from "react";
import { gridGeometry } from "../lib/gridGeometry.ts";

/**
 * Measures the grid's header cells and writes, on its scroller (the table's parent), the CSS
 * variables overviews.css places the frozen columns and the scroll snapping with:
 * `--grid-frozen-1-left`, `--grid-frozen-width`, `--grid-header-height` and `--grid-end-space`.
 * Measured again whenever a header cell or the scroller changes size (columns are as wide as their
 * content, so an edit can widen one).
 */
export function useGridGeometry(
  tableRef: RefObject<HTMLTableElement | null>,
  frozenCount: number,
  columnCount: number,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the header cells to observe are new when the columns change
  useLayoutEffect(() => {
    const table = tableRef.current;
    const scroller = table?.parentElement;
    const header = table?.tHead;
    if (!table || !scroller || !header) return;
    const cells = [...(header.rows[0]?.cells ?? [])];
    const measure = () => {
      const g = gridGeometry(
        cells.map((cell) => cell.getBoundingClientRect().width),
        frozenCount,
        scroller.clientWidth,
      );
      scroller.style.setProperty("--grid-frozen-1-left", `${g.secondFrozenLeft}px`);
      scroller.style.setProperty("--grid-frozen-width", `${g.frozenWidth}px`);
      scroller.style.setProperty("--grid-end-space", `${g.endSpace}px`);
      scroller.style.setProperty("--grid-header-height", `${header.getBoundingClientRect().height}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    for (const cell of cells) observer.observe(cell);
    return () => observer.disconnect();
  }, [tableRef, frozenCount, columnCount]);
}
