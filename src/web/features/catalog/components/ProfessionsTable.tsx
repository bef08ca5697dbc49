import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Profession } from "../../../api/listProfessions.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { DeleteButton, EditButton, RowActions } from "../../../components/RowActions.tsx";

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
  const columns: ListColumn<Profession>[] = [
    { key: "name", header: t("professions.name"), cell: (p) => p.name, sortValue: (p) => p.name },
    {
      key: "programmes",
      header: t("professions.programmeCount"),
      cell: (p) => programmeCount(p.id),
      sortValue: (p) => programmeCount(p.id),
    },
  ];

  return (
    <div className="section">
      <ListTable
        rows={professions}
        rowKey={(p) => p.id}
        columns={columns}
        defaultSort="name"
        paramPrefix="y"
        searchLabel={t("professions.search")}
        searchText={(p) => [p.name]}
        toolbarEnd={toolbarEnd}
        caption={{ id: "professions-caption", text: t("professions.caption") }}
        empty={emptyText}
        showCount={false}
        actions={(p) => (
          <RowActions>
            <EditButton
              name={p.name}
              label={t("professions.rename")}
              ariaLabel={t("professions.renameNamed", { name: p.name })}
              onClick={() => onEdit(p)}
            />
            <DeleteButton name={p.name} onClick={() => onDelete(p)} />
          </RowActions>
        )}
      />
    </div>
  );
}
