import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { compareText } from "./format.ts";

export type SortDirection = "ascending" | "descending";

/**
 * Search text and sort order of a list, kept in the URL so that a reload, a shared link or the
 * back button shows the same list. `prefix` separates several lists on one page.
 */
export function useListParams<K extends string>(columns: readonly K[], defaultSort: K, prefix = "") {
  const [params, setParams] = useSearchParams();
  const qKey = `${prefix}q`;
  const sortKey = `${prefix}sort`;
  const dirKey = `${prefix}dir`;

  const query = params.get(qKey) ?? "";
  const rawSort = params.get(sortKey);
  const sort: K = rawSort && (columns as readonly string[]).includes(rawSort) ? (rawSort as K) : defaultSort;
  const direction: SortDirection = params.get(dirKey) === "desc" ? "descending" : "ascending";

  const setQuery = useCallback(
    (value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(qKey, value);
          else next.delete(qKey);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, qKey],
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
          return next;
        },
        { replace: true },
      );
    },
    [setParams, sortKey, dirKey, defaultSort],
  );

  const ariaSort = useCallback(
    (column: K): "ascending" | "descending" | "none" => (column === sort ? direction : "none"),
    [sort, direction],
  );

  return { query, setQuery, sort, direction, toggleSort, ariaSort };
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
