import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { compareText } from "./format.ts";
import { readPage, readPageSize } from "./paging.ts";

export type SortDirection = "ascending" | "descending";

/**
 * Search text, sort order, page and page size of a list, kept in the URL (`q`, `sort`, `dir`,
 * `side`, `antall`) so that a reload, a shared link or the back button shows the same list. A new
 * search or sort starts again on page 1. `prefix` separates several lists on one page.
 */
export function useListParams<K extends string>(columns: readonly K[], defaultSort: K, prefix = "") {
  const [params, setParams] = useSearchParams();
  const qKey = `${prefix}q`;
  const sortKey = `${prefix}sort`;
  const dirKey = `${prefix}dir`;
  const pageKey = `${prefix}side`;
  const sizeKey = `${prefix}antall`;

  const query = params.get(qKey) ?? "";
  const rawSort = params.get(sortKey);
  const sort: K = rawSort && (columns as readonly string[]).includes(rawSort) ? (rawSort as K) : defaultSort;
  const direction: SortDirection = params.get(dirKey) === "desc" ? "descending" : "ascending";
  const page = readPage(params.get(pageKey));
  const pageSize = readPageSize(params.get(sizeKey));

  /** Sets (or with null removes) URL parameters; `pushed` makes a history entry (page turns do). */
  const update = useCallback(
    (values: Record<string, string | null>, pushed = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(values)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: !pushed },
      );
    },
    [setParams],
  );

  const setQuery = useCallback((value: string) => update({ [qKey]: value, [pageKey]: null }), [update, qKey, pageKey]);

  const setPage = useCallback(
    (value: number) => update({ [pageKey]: value > 1 ? String(value) : null }, true),
    [update, pageKey],
  );

  const setPageSize = useCallback(
    (value: number) => update({ [sizeKey]: String(value), [pageKey]: null }),
    [update, sizeKey, pageKey],
  );

  const toggleSort = useCallback(
    (column: K) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const currentSort = next.get(sortKey) ?? defaultSort;
          const currentDesc = next.get(dirKey) === "desc";
          const desc = currentSort === column ? !currentDesc : false;
          next.set(sortKey, column);
          if (desc) next.set(dirKey, "desc");
          else next.delete(dirKey);
          next.delete(pageKey);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, sortKey, dirKey, pageKey, defaultSort],
  );

  const ariaSort = useCallback(
    (column: K): "ascending" | "descending" | "none" => (column === sort ? direction : "none"),
    [sort, direction],
  );

  return { query, setQuery, sort, direction, toggleSort, ariaSort, page, setPage, pageSize, setPageSize };
}

/** Sorts a copy of `rows` by the text of the chosen column, Norwegian collation. */
export function useSorted<T>(
  rows: readonly T[],
  value: (row: T) => string | number | null | undefined,
  direction: SortDirection,
): T[] {
  return useMemo(() => {
    const sorted = [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (typeof va === "number" && typeof vb === "number") return va - vb;
      return compareText(va == null ? "" : String(va), vb == null ? "" : String(vb));
    });
    return direction === "descending" ? sorted.reverse() : sorted;
  }, [rows, value, direction]);
}
