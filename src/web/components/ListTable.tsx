import { Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { matchesSearch } from "../lib/format.ts";
import { clampPage, pageRange, pageSlice } from "../lib/paging.ts";
import { useListParams, useSorted } from "../lib/useListParams.ts";
import { ListPager } from "./ListPager.tsx";
import { LoadError, Loading } from "./QueryState.tsx";
import { SearchField } from "./SearchField.tsx";
import { SortableHeader } from "./SortableHeader.tsx";
import { TableScroller } from "./TableScroller.tsx";

type SortValue = string | number | null | undefined;

/** One column of a list: its header, its cell, and (when it can be sorted by) the value it sorts by. */
export type ListColumn<Row, K extends string = string> = {
  key: K;
  header: string;
  cell: (row: Row) => ReactNode;
  sortValue?: (row: Row) => SortValue;
};

/** The state of the query the rows come from: a spinner while pending, the reason and a retry on failure. */
export type ListLoad = { isPending: boolean; error: unknown; retry: () => void };

/**
 * A list the server pages: `rows` are the rows of the page the URL names, already searched and
 * sorted by the server (read the page, size, search and sort with `useListParams` and the same
 * prefix, and ask with `pageWindow`); `total` is how many rows match in all. `onPageChange` hears
 * each turn of the page.
 */
export type ServerPaging = { total: number; onPageChange?: (page: number) => void };

/**
 * A list page's table: a search field (and whatever else belongs in the toolbar), search text,
 * sort order, page and page size kept in the URL, the count shown ("Viser 11–20 av 45"), the page
 * controls, the empty and no-match states, and an actions column. Without `server` the whole list
 * is in `rows` and is searched, sorted and paged here. `paramPrefix` separates several lists on one page.
 */
export function ListTable<Row, K extends string>({
  rows,
  rowKey,
  columns,
  defaultSort,
  paramPrefix = "",
  searchLabel,
  searchText,
  filter,
  toolbarEnd,
  caption,
  load,
  empty,
  noMatches,
  showCount = true,
  actions,
  server,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly ListColumn<Row, K>[];
  defaultSort: K;
  paramPrefix?: string;
  searchLabel: string;
  searchText: (row: Row) => readonly (string | null | undefined)[];
  filter?: (row: Row) => boolean;
  toolbarEnd?: ReactNode;
  caption: { id: string; text: string };
  load?: ListLoad;
  empty: ReactNode;
  noMatches?: (query: string) => ReactNode;
  showCount?: boolean;
  actions?: (row: Row) => ReactNode;
  server?: ServerPaging;
}) {
  const { t } = useTranslation();
  const list = useListParams(
    columns.filter((c) => c.sortValue).map((c) => c.key),
    defaultSort,
    paramPrefix,
  );
  const sortColumn = columns.find((c) => c.key === list.sort);
  const filtered = server
    ? rows
    : rows.filter((row) => (!filter || filter(row)) && matchesSearch(list.query, ...searchText(row)));
  // The server's rows come in its order: sorting by nothing in ascending order keeps it.
  const sorted = useSorted(
    filtered,
    (row: Row) => (server ? undefined : sortColumn?.sortValue?.(row)),
    server ? "ascending" : list.direction,
  );
  const matching = server ? server.total : sorted.length;
  const page = clampPage(list.page, matching, list.pageSize);
  const shown = server ? rows : pageSlice(sorted, page, list.pageSize);
  const { from, to } = pageRange(page, list.pageSize, matching);
  const count =
    matching > list.pageSize
      ? t("common.showingRange", { from, to, total: matching })
      : t("common.showing", { shown: matching, total: server ? matching : rows.length });
  const turnPage = (target: number) => {
    list.setPage(target);
    server?.onPageChange?.(target);
  };

  const table = (
    <TableScroller labelledBy={caption.id}>
      <Table zebra>
        <caption id={caption.id} className="ds-sr-only">
          {caption.text}
        </caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) =>
              c.sortValue ? (
                <SortableHeader key={c.key} sort={list.ariaSort(c.key)} onSort={() => list.toggleSort(c.key)}>
                  {c.header}
                </SortableHeader>
              ) : (
                <Table.HeaderCell key={c.key}>{c.header}</Table.HeaderCell>
              ),
            )}
            {actions ? (
              <Table.HeaderCell>
                <span className="ds-sr-only">{t("common.actions")}</span>
              </Table.HeaderCell>
            ) : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((row) => (
            <Table.Row key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Cell key={c.key}>{c.cell(row)}</Table.Cell>
              ))}
              {actions ? <Table.Cell>{actions(row)}</Table.Cell> : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroller>
  );
  const matches =
    matching === 0 ? (
      <Paragraph>{noMatches ? noMatches(list.query) : t("common.noMatches", { query: list.query })}</Paragraph>
    ) : (
      <>
        {table}
        <ListPager
          page={page}
          pageSize={list.pageSize}
          total={matching}
          onPage={turnPage}
          onPageSize={list.setPageSize}
        />
      </>
    );

  return (
    <>
      <div className="toolbar">
        <SearchField label={searchLabel} value={list.query} onChange={list.setQuery} />
        {toolbarEnd}
      </div>
      <ListState load={load} isEmpty={server ? matching === 0 && !list.query : rows.length === 0} empty={empty}>
        {showCount ? (
          <>
            <Paragraph data-size="sm" aria-live="polite">
              {count}
            </Paragraph>
            {matches}
          </>
        ) : (
          matches
        )}
      </ListState>
    </>
  );
}

/** A list's states: a spinner while loading, the reason and a retry on failure, `empty` with no rows. */
export function ListState({
  load,
  isEmpty,
  empty,
  children,
}: {
  load: ListLoad | undefined;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (load?.isPending) return <Loading />;
  if (load?.error) return <LoadError error={load.error} onRetry={load.retry} />;
  return isEmpty ? empty : children;
}
