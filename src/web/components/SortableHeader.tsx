import { Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/** A column header that sorts the table; the sort state is exposed with aria-sort. */
export function SortableHeader({
  sort,
  onSort,
  children,
}: {
  sort: "ascending" | "descending" | "none";
  onSort: () => void;
  children: ReactNode;
}) {
  return (
    <Table.HeaderCell sort={sort} onClick={onSort}>
      {children}
    </Table.HeaderCell>
  );
}
