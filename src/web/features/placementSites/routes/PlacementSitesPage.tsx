import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { type PlacementSite, usePlacementSites } from "../../../api/listPlacementSites.ts";
import { DeleteDialog } from "../../../components/DeleteDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { DeleteButton, EditButton, RowActions } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useDeletePlacementSite } from "../api/deletePlacementSite.ts";
import { PlacementSiteForm } from "../components/PlacementSiteForm.tsx";

type DialogState = { kind: "new" } | { kind: "edit"; site: PlacementSite } | { kind: "delete"; site: PlacementSite };

export function PlacementSitesPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "catalog.manage")}>
      <PlacementSites />
    </AccessGate>
  );
}

function PlacementSites() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const sites = usePlacementSites();
  const remove = useDeletePlacementSite();
  const { dialog, open, close } = useDialog<DialogState>(remove);
  const columns: ListColumn<PlacementSite, "name" | "department">[] = [
    { key: "name", header: t("placementSites.name"), cell: (s) => s.name, sortValue: (s) => s.name },
    {
      key: "department",
      header: t("placementSites.department"),
      cell: (s) => s.department ?? <span className="muted">–</span>,
      sortValue: (s) => s.department ?? "\uffff",
    },
  ];

  return (
    <Page title={t("placementSites.title")} lead={<Paragraph>{t("placementSites.lead")}</Paragraph>}>
      <ListTable
        rows={sites.data ?? []}
        rowKey={(s) => s.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t("placementSites.search")}
        searchText={(s) => [s.name, s.department]}
        toolbarEnd={<Button onClick={() => open({ kind: "new" })}>{t("placementSites.new")}</Button>}
        caption={{ id: "sites-caption", text: t("placementSites.caption") }}
        load={{ isPending: sites.isPending, error: sites.error, retry: () => void sites.refetch() }}
        empty={<Paragraph>{t("placementSites.empty")}</Paragraph>}
        actions={(s) => (
          <RowActions>
            <EditButton name={s.name} onClick={() => open({ kind: "edit", site: s })} />
            <DeleteButton name={s.name} onClick={() => open({ kind: "delete", site: s })} />
          </RowActions>
        )}
      />

      <FormDialog
        open={dialog?.kind === "new" || dialog?.kind === "edit"}
        title={dialog?.kind === "edit" ? t("placementSites.edit") : t("placementSites.new")}
        onClose={close}
      >
        <PlacementSiteForm
          site={dialog?.kind === "edit" ? dialog.site : undefined}
          onCancel={close}
          onSaved={(name) => {
            const existed = dialog?.kind === "edit";
            close();
            announce(existed ? t("placementSites.saved", { name }) : t("placementSites.created", { name }));
          }}
        />
      </FormDialog>
      <DeleteDialog
        item={dialog?.kind === "delete" ? dialog.site : undefined}
        id={(s) => s.id}
        mutation={remove}
        title={() => t("placementSites.deleteTitle")}
        body={(s) => (s ? t("placementSites.deleteBody", { name: s.name }) : "")}
        deleted={(s) => t("placementSites.deleted", { name: s.name })}
        onClose={close}
      />
    </Page>
  );
}
