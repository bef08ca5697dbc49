import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways in its own box on narrow screens; the box can be focused
 * (so keyboard users can scroll it) and is named after the table.
 */
export function TableScroller({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroller" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
