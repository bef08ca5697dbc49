import { describe, expect, it } from "vitest";
import { gridGeometry } from "./gridGeometry.ts";

describe("the grid's frozen columns and end space", () => {
  it("places the second frozen column after the first and ends the frozen part after both", () => {
    const g = gridGeometry([110, 95, 100, 200], 2, 1000);
    expect(g).toEqual({ secondFrozenLeft: 110, frozenWidth: 205, endSpace: 0 });
  });

  it("needs no end space when every column fits", () => {
    expect(gridGeometry([100, 100, 300, 300], 2, 800).endSpace).toBe(0);
  });

  it("adds room after the last column so that the last scroll position starts a column at the frozen edge", () => {
    // 600 px beside the frozen columns; the last three (150 + 200 + 100) fit, the fourth (250) does not.
    const g = gridGeometry([100, 100, 300, 250, 150, 200, 100], 2, 800);
    expect(g.endSpace).toBe(600 - 450);
  });

  it("adds nothing when the last column alone is wider than the room beside the frozen ones", () => {
    expect(gridGeometry([100, 100, 300, 700], 2, 800).endSpace).toBe(0);
  });
});
