/** The page sizes a list offers, and the one it starts with. */
export const pageSizes = [10, 25, 50, 100] as const;
export const defaultPageSize = 25;

/** A page number from the URL: a whole number from 1, else 1. */
export function readPage(raw: string | null): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** A page size from the URL: one of `pageSizes`, else the default. */
export function readPageSize(raw: string | null): number {
  const size = Number(raw);
  return (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize;
}

/** How many pages `total` rows fill, at least one (an empty list is one empty page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page that exists nearest to `page`: a link to page 9 of a list that shrank shows its last page. */
export function clampPage(page: number, total: number, size: number): number {
  return Math.min(Math.max(1, page), pageCount(total, size));
}

/** What a server-paged list asks for: `limit` rows from `offset`. */
export function pageWindow(page: number, size: number): { limit: number; offset: number } {
  return { limit: size, offset: (page - 1) * size };
}

/** The rows of one page of a list held whole in the browser. */
export function pageSlice<T>(rows: readonly T[], page: number, size: number): T[] {
  const { limit, offset } = pageWindow(clampPage(page, rows.length, size), size);
  return rows.slice(offset, offset + limit);
}

/** The numbers of the first and last row shown ("11–20 av 45"), 1-based; 0–0 for an empty list. */
export function pageRange(page: number, size: number, total: number): { from: number; to: number } {
  if (total === 0) return { from: 0, to: 0 };
  const { offset } = pageWindow(clampPage(page, total, size), size);
  return { from: offset + 1, to: Math.min(offset + size, total) };
}

/**
 * The page buttons to show, at most `show` of them: the first and the last page always, the pages
 * around the current one, and `null` for a gap ("1 … 4 5 6 … 12").
 */
export function pageItems(current: number, pages: number, show = 7): (number | null)[] {
  if (pages <= show) return Array.from({ length: pages }, (_, i) => i + 1);
  const inner = show - 2;
  const half = Math.floor((inner - 1) / 2);
  let start = Math.max(2, current - half);
  let end = start + inner - 1;
  if (end > pages - 1) {
    end = pages - 1;
    start = end - inner + 1;
  }
  const items: (number | null)[] = [1];
  for (let page = start; page <= end; page++) items.push(page);
  items.push(pages);
  if (start > 2) items[1] = null;
  if (end < pages - 1) items[items.length - 2] = null;
  return items;
}
