import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Programme } from "../../../api/listProgrammes.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { DeleteButton, EditButton, RowActions } from "../../../components/RowActions.tsx";

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
  const columns: ListColumn<Programme>[] = [
    { key: "name", header: t("programmes.name"), cell: (p) => p.name, sortValue: (p) => p.name },
    {
      key: "institution",
      header: t("programmes.institution"),
      cell: (p) => p.institutionShortName,
      sortValue: (p) => p.institutionShortName,
    },
    {
      key: "profession",
      header: t("programmes.profession"),
      cell: (p) => p.professionName,
      sortValue: (p) => p.professionName,
    },
  ];

  return (
    <div className="section">
      <ListTable
        rows={programmes}
        rowKey={(p) => p.id}
        columns={columns}
        defaultSort="name"
        paramPrefix="p"
        searchLabel={t("programmes.search")}
        searchText={(p) => [p.name, p.institutionShortName, p.professionName]}
        toolbarEnd={toolbarEnd}
        caption={{ id: "programmes-caption", text: t("programmes.caption") }}
        empty={emptyText}
        actions={
          onEdit || onDelete
            ? (p) => (
                <RowActions>
                  {onEdit ? <EditButton name={p.name} onClick={() => onEdit(p)} /> : null}
                  {onDelete ? <DeleteButton name={p.name} onClick={() => onDelete(p)} /> : null}
                </RowActions>
              )
            : undefined
        }
      />
    </div>
  );
}
