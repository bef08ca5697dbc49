/**
 * Where to scroll the grid sideways to show a cell wholly beside the frozen columns. The scroll
 * snaps to column starts (overviews.css), so the answer is one of them: the cell's own start when
 * it is to the left (or wider than the room), else the first start from which it fits on the right.
 * Positions are in the scroller's content coordinates.
 */
export function scrollLeftToShow(o: {
  left: number;
  right: number;
  scrollLeft: number;
  clientWidth: number;
  frozenWidth: number;
  /** Where the columns that scroll begin. */
  columnStarts: number[];
}): number {
  const own = o.left - o.frozenWidth;
  if (o.left < o.scrollLeft + o.frozenWidth - 0.5) return own;
  if (o.right <= o.scrollLeft + o.clientWidth + 0.5) return o.scrollLeft;
  const needed = o.right - o.clientWidth;
  const fits = o.columnStarts.map((start) => start - o.frozenWidth).filter((p) => p >= needed - 0.5);
  return Math.min(own, ...fits);
}

/**
 * Scrolls the grid's scroller so that `cell` is in view beside the frozen columns and below the
 * sticky header (the scroller's scroll padding), then the page if the grid is out of view. A
 * frozen cell needs no sideways scroll; below 768 px nothing is frozen (no scroll padding).
 */
export function showCell(scroller: HTMLElement, table: HTMLTableElement, cell: HTMLElement) {
  const style = getComputedStyle(scroller);
  const frozenWidth = Number.parseFloat(style.scrollPaddingLeft) || 0;
  const origin = scroller.getBoundingClientRect().left + scroller.clientLeft - scroller.scrollLeft;
  const scrolls = (el: Element) => getComputedStyle(el).position !== "sticky";
  if (scrolls(cell)) {
    const rect = cell.getBoundingClientRect();
    const headerCells = [...(table.tHead?.rows[0]?.cells ?? [])].filter(scrolls);
    scroller.scrollLeft = scrollLeftToShow({
      left: rect.left - origin,
      right: rect.right - origin,
      scrollLeft: scroller.scrollLeft,
      clientWidth: scroller.clientWidth,
      frozenWidth,
      columnStarts: headerCells.map((h) => h.getBoundingClientRect().left - origin),
    });
  }
  cell.scrollIntoView({ block: "nearest", inline: "nearest" });
}
