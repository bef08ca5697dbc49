import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { matchesSearch } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { useDeletePlacementSite } from "../api/deletePlacementSite.ts";
import { type PlacementSite, usePlacementSites } from "../api/listPlacementSites.ts";
import { PlacementSiteForm } from "../components/PlacementSiteForm.tsx";

const columns = ["name", "department"] as const;

type DialogState =
  | { kind: "new" }
  | { kind: "edit"; site: PlacementSite }
  | { kind: "delete"; site: PlacementSite }
  | null;

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
  const list = useListParams(columns, "name");
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => {
    setDialog(null);
    remove.reset();
  };

  const all = sites.data ?? [];
  const filtered = all.filter((s) => matchesSearch(list.query, s.name, s.department));
  const sorted = useSorted(
    filtered,
    (s: PlacementSite) => (list.sort === "name" ? s.name : (s.department ?? "\uffff")),
    list.direction,
  );

  return (
    <Page title={t("placementSites.title")} lead={<Paragraph>{t("placementSites.lead")}</Paragraph>}>
      <div className="toolbar">
        <SearchField label={t("placementSites.search")} value={list.query} onChange={list.setQuery} />
        <Button onClick={() => setDialog({ kind: "new" })}>{t("placementSites.new")}</Button>
      </div>
      {sites.isPending ? (
        <Loading />
      ) : sites.error ? (
        <LoadError error={sites.error} onRetry={() => void sites.refetch()} />
      ) : all.length === 0 ? (
        <Paragraph>{t("placementSites.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t("common.showing", { shown: sorted.length, total: all.length })}
          </Paragraph>
          {sorted.length === 0 ? (
            <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
          ) : (
            <TableScroller labelledBy="sites-caption">
              <Table zebra>
                <caption id="sites-caption" className="ds-sr-only">
                  {t("placementSites.caption")}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <SortableHeader sort={list.ariaSort("name")} onSort={() => list.toggleSort("name")}>
                      {t("placementSites.name")}
                    </SortableHeader>
                    <SortableHeader sort={list.ariaSort("department")} onSort={() => list.toggleSort("department")}>
                      {t("placementSites.department")}
                    </SortableHeader>
                    <Table.HeaderCell>
                      <span className="ds-sr-only">{t("common.actions")}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {sorted.map((s) => (
                    <Table.Row key={s.id}>
                      <Table.Cell>{s.name}</Table.Cell>
                      <Table.Cell>{s.department ?? <span className="muted">–</span>}</Table.Cell>
                      <Table.Cell>
                        <div className="cell-actions">
                          <Button
                            variant="secondary"
                            data-size="sm"
                            aria-label={t("common.editNamed", { name: s.name })}
                            onClick={() => setDialog({ kind: "edit", site: s })}
                          >
                            {t("common.edit")}
                          </Button>
                          <Button
                            variant="tertiary"
                            data-color="danger"
                            data-size="sm"
                            aria-label={t("common.deleteNamed", { name: s.name })}
                            onClick={() => setDialog({ kind: "delete", site: s })}
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
        </>
      )}

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
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        title={t("placementSites.deleteTitle")}
        body={dialog?.kind === "delete" ? t("placementSites.deleteBody", { name: dialog.site.name }) : ""}
        confirmLabel={t("common.delete")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onClose={close}
        onConfirm={() => {
          if (dialog?.kind !== "delete") return;
          const { id, name } = dialog.site;
          remove.mutate(id, {
            onSuccess: () => {
              close();
              announce(t("placementSites.deleted", { name }));
            },
          });
        }}
      />
    </Page>
  );
}
