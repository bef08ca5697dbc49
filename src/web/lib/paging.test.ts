import { describe, expect, it } from "vitest";
import {
  clampPage,
  defaultPageSize,
  pageCount,
  pageItems,
  pageRange,
  pageSlice,
  pageWindow,
  readPage,
  readPageSize,
} from "./paging.ts";

describe("reading the page from the URL", () => {
  it("takes whole page numbers from 1 and falls back to page 1", () => {
    expect(readPage("3")).toBe(3);
    expect(readPage(null)).toBe(1);
    expect(readPage("0")).toBe(1);
    expect(readPage("-2")).toBe(1);
    expect(readPage("2.5")).toBe(1);
    expect(readPage("to")).toBe(1);
  });

  it("takes only the page sizes the list offers", () => {
    expect(readPageSize("10")).toBe(10);
    expect(readPageSize("100")).toBe(100);
    expect(readPageSize("7")).toBe(defaultPageSize);
    expect(readPageSize(null)).toBe(defaultPageSize);
  });
});

describe("pages of a list", () => {
  const rows = Array.from({ length: 23 }, (_, i) => i + 1);

  it("counts at least one page", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
  });

  it("keeps a page number within the pages there are", () => {
    expect(clampPage(9, 23, 10)).toBe(3);
    expect(clampPage(0, 23, 10)).toBe(1);
    expect(clampPage(2, 0, 10)).toBe(1);
  });

  it("gives the rows of a page, the last one short, and the last page for a page past the end", () => {
    expect(pageSlice(rows, 1, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pageSlice(rows, 3, 10)).toEqual([21, 22, 23]);
    expect(pageSlice(rows, 8, 10)).toEqual([21, 22, 23]);
    expect(pageSlice([], 1, 10)).toEqual([]);
  });

  it("names the first and last row shown, for “11–20 av 23”", () => {
    expect(pageRange(2, 10, 23)).toEqual({ from: 11, to: 20 });
    expect(pageRange(3, 10, 23)).toEqual({ from: 21, to: 23 });
    expect(pageRange(1, 10, 0)).toEqual({ from: 0, to: 0 });
  });

  it("asks a server for limit and offset", () => {
    expect(pageWindow(1, 25)).toEqual({ limit: 25, offset: 0 });
    expect(pageWindow(3, 25)).toEqual({ limit: 25, offset: 50 });
  });
});

describe("the page buttons", () => {
  it("shows every page when they fit", () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("keeps the first, the last and the pages around the current one, with gaps between", () => {
    expect(pageItems(1, 12)).toEqual([1, 2, 3, 4, 5, null, 12]);
    expect(pageItems(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
    expect(pageItems(12, 12)).toEqual([1, null, 8, 9, 10, 11, 12]);
  });

  it("never shows more buttons than asked for, and always the current page", () => {
    for (let current = 1; current <= 30; current++) {
      const items = pageItems(current, 30);
      expect(items).toHaveLength(7);
      expect(items).toContain(current);
    }
  });
});
