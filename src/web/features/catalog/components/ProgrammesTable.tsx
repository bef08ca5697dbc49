import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { matchesSearch } from "../../../lib/format.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import type { Programme } from "../api/listProgrammes.ts";

const columns = ["name", "institution", "profession"] as const;
type Column = (typeof columns)[number];

/** Study programmes: search, sort, and (for admins) edit and delete buttons per row. */
export function ProgrammesTable({
  programmes,
  onEdit,
  onDelete,
  toolbarEnd,
  emptyText,
}: {
  programmes: Programme[];
  onEdit?: (p: Programme) => void;
  onDelete?: (p: Programme) => void;
  toolbarEnd?: ReactNode;
  emptyText: ReactNode;
}) {
  const { t } = useTranslation();
  const list = useListParams(columns, "name", "p");
  const filtered = programmes.filter((p) =>
    matchesSearch(list.query, p.name, p.institutionShortName, p.professionName),
  );
  const sorted = useSorted(
    filtered,
    (p: Programme) => ({ name: p.name, institution: p.institutionShortName, profession: p.professionName })[list.sort],
    list.direction,
  );
  const headers: Record<Column, string> = {
    name: t("programmes.name"),
    institution: t("programmes.institution"),
    profession: t("programmes.profession"),
  };
  const editable = Boolean(onEdit || onDelete);

  return (
    <div className="section">
      <div className="toolbar">
        <SearchField label={t("programmes.search")} value={list.query} onChange={list.setQuery} />
        {toolbarEnd}
      </div>
      {programmes.length === 0 ? (
        emptyText
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t("common.showing", { shown: sorted.length, total: programmes.length })}
          </Paragraph>
          {sorted.length === 0 ? (
            <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
          ) : (
            <TableScroller labelledBy="programmes-caption">
              <Table zebra>
                <caption id="programmes-caption" className="ds-sr-only">
                  {t("programmes.caption")}
                </caption>
                <Table.Head>
                  <Table.Row>
                    {columns.map((c) => (
                      <SortableHeader key={c} sort={list.ariaSort(c)} onSort={() => list.toggleSort(c)}>
                        {headers[c]}
                      </SortableHeader>
                    ))}
                    {editable ? (
                      <Table.HeaderCell>
                        <span className="ds-sr-only">{t("common.actions")}</span>
                      </Table.HeaderCell>
                    ) : null}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {sorted.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>{p.name}</Table.Cell>
                      <Table.Cell>{p.institutionShortName}</Table.Cell>
                      <Table.Cell>{p.professionName}</Table.Cell>
                      {editable ? (
                        <Table.Cell>
                          <div className="cell-actions">
                            {onEdit ? (
                              <Button
                                variant="secondary"
                                data-size="sm"
                                aria-label={t("common.editNamed", { name: p.name })}
                                onClick={() => onEdit(p)}
                              >
                                {t("common.edit")}
                              </Button>
                            ) : null}
                            {onDelete ? (
                              <Button
                                variant="tertiary"
                                data-color="danger"
                                data-size="sm"
                                aria-label={t("common.deleteNamed", { name: p.name })}
                                onClick={() => onDelete(p)}
                              >
                                {t("common.delete")}
                              </Button>
                            ) : null}
                          </div>
                        </Table.Cell>
                      ) : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroller>
          )}
        </>
      )}
    </div>
  );
}
