import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { matchesSearch } from "../../../lib/format.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import type { Profession } from "../api/listProfessions.ts";

const columns = ["name", "programmes"] as const;

/** Professions with the number of programmes that use each; rename and delete per row. */
export function ProfessionsTable({
  professions,
  programmeCount,
  onEdit,
  onDelete,
  toolbarEnd,
  emptyText,
}: {
  professions: Profession[];
  programmeCount: (id: string) => number;
  onEdit: (p: Profession) => void;
  onDelete: (p: Profession) => void;
  toolbarEnd: ReactNode;
  emptyText: ReactNode;
}) {
  const { t } = useTranslation();
  const list = useListParams(columns, "name", "y");
  const filtered = professions.filter((p) => matchesSearch(list.query, p.name));
  const sorted = useSorted(
    filtered,
    (p: Profession) => (list.sort === "name" ? p.name : programmeCount(p.id)),
    list.direction,
  );

  return (
    <div className="section">
      <div className="toolbar">
        <SearchField label={t("professions.search")} value={list.query} onChange={list.setQuery} />
        {toolbarEnd}
      </div>
      {professions.length === 0 ? (
        emptyText
      ) : sorted.length === 0 ? (
        <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
      ) : (
        <TableScroller labelledBy="professions-caption">
          <Table zebra>
            <caption id="professions-caption" className="ds-sr-only">
              {t("professions.caption")}
            </caption>
            <Table.Head>
              <Table.Row>
                <SortableHeader sort={list.ariaSort("name")} onSort={() => list.toggleSort("name")}>
                  {t("professions.name")}
                </SortableHeader>
                <SortableHeader sort={list.ariaSort("programmes")} onSort={() => list.toggleSort("programmes")}>
                  {t("professions.programmeCount")}
                </SortableHeader>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t("common.actions")}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.name}</Table.Cell>
                  <Table.Cell>{programmeCount(p.id)}</Table.Cell>
                  <Table.Cell>
                    <div className="cell-actions">
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-label={t("professions.renameNamed", { name: p.name })}
                        onClick={() => onEdit(p)}
                      >
                        {t("professions.rename")}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t("common.deleteNamed", { name: p.name })}
                        onClick={() => onDelete(p)}
                      >
                        {t("common.delete")}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      )}
    </div>
  );
}
