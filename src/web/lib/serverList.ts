import { pageWindow } from "./paging.ts";
import { useListParams } from "./useListParams.ts";

/**
 * What a server-paged list asks for, read from the URL as ListTable keeps it (`q`, `sort`, `dir`,
 * `side`, `antall` with the list's prefix): the same parameters, so the table and the query agree.
 */
export function useServerListQuery<K extends string>(sortable: readonly K[], defaultSort: K, prefix = "") {
  const list = useListParams(sortable, defaultSort, prefix);
  return {
    q: list.query || undefined,
    sort: list.sort,
    dir: list.direction === "descending" ? ("desc" as const) : ("asc" as const),
    ...pageWindow(list.page, list.pageSize),
  };
}
