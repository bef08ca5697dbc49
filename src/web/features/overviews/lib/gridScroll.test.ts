import { describe, expect, it } from "vitest";
import { scrollLeftToShow } from "./gridScroll.ts";

// Frozen columns 200 px wide; the scrolling columns start at 200, 300, 450, 700, 800 and 1000.
const base = { frozenWidth: 200, clientWidth: 800, columnStarts: [200, 300, 450, 700, 800, 1000] };

describe("scrolling a cell into view beside the frozen columns", () => {
  it("stays where it is when the cell is in view", () => {
    expect(scrollLeftToShow({ ...base, scrollLeft: 0, left: 450, right: 700 })).toBe(0);
  });

  it("brings a cell under the frozen columns out to their edge", () => {
    expect(scrollLeftToShow({ ...base, scrollLeft: 250, left: 300, right: 450 })).toBe(100);
  });

  it("shows a cell on the right from the first column start at which it fits", () => {
    // 800..1000 needs a scroll of at least 200: the start at 450 (scroll 250) is the first that fits.
    expect(scrollLeftToShow({ ...base, scrollLeft: 0, left: 800, right: 1000 })).toBe(250);
  });

  it("shows a cell wider than the room from its own start", () => {
    expect(scrollLeftToShow({ ...base, scrollLeft: 0, left: 300, right: 1200 })).toBe(100);
  });
});
