/** Where the grid's frozen name columns end and how much room it needs at its end, from measured widths. */
export interface GridGeometry {
  /** The left offset of the second frozen column: the first one's width. */
  secondFrozenLeft: number;
  /** The right edge of the frozen columns: the scroller's scroll padding, so no column stops under them. */
  frozenWidth: number;
  /**
   * Empty room after the last column, so that scrolled to the end a column still starts right at
   * the frozen columns' edge instead of hiding under them (the horizontal scroll snaps to column starts).
   */
  endSpace: number;
}

/**
 * `widths` are the header cells' widths in column order, the first `frozenCount` of them frozen;
 * `clientWidth` is the scroller's inner width.
 */
export function gridGeometry(widths: number[], frozenCount: number, clientWidth: number): GridGeometry {
  const frozen = widths.slice(0, frozenCount);
  const rest = widths.slice(frozenCount);
  const frozenWidth = frozen.reduce((sum, w) => sum + w, 0);
  const visible = clientWidth - frozenWidth;
  const total = rest.reduce((sum, w) => sum + w, 0);
  let endSpace = 0;
  if (total > visible) {
    // The first column from which all the rest fit beside the frozen ones: at the end of the
    // scroll it starts at their edge, with the room left over after the last column.
    let tail = 0;
    for (let i = rest.length - 1; i >= 0; i--) {
      const next = tail + (rest[i] ?? 0);
      if (next > visible) break;
      tail = next;
    }
    endSpace = tail > 0 ? visible - tail : 0;
  }
  return { secondFrozenLeft: frozen[0] ?? 0, frozenWidth, endSpace };
}
