import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { ClinicalSystem } from "../../../../contracts/clinical-systems.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { EditButton, RowActions } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useClinicalSystems } from "../api/listClinicalSystems.ts";
import { useUpdateClinicalSystem } from "../api/updateClinicalSystem.ts";
import { ArchiveDialog } from "../components/ArchiveDialog.tsx";
import { ArchivedTag } from "../components/ArchivedTag.tsx";
import { ClinicalSystemForm } from "../components/ClinicalSystemForm.tsx";
import { StatusFilter, useStatusFilter } from "../components/StatusFilter.tsx";
import "../clinicalSystems.css";

const sortable = ["name", "updated"] as const;
type DialogState =
  | { kind: "new" }
  | { kind: "edit"; system: ClinicalSystem }
  | { kind: "archive"; system: ClinicalSystem };

/** `/admin/fagsystemer`: the trust's clinical systems and their roles, kept by its admins. */
export function ClinicalSystemsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "clinicalSystems.manage")}>
      <ClinicalSystems />
    </AccessGate>
  );
}

function ClinicalSystems() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [status, setStatus] = useStatusFilter();
  const query = useServerListQuery(sortable, "name");
  const systems = useClinicalSystems({ ...query, status });
  const update = useUpdateClinicalSystem();
  const { dialog, open, close } = useDialog<DialogState>(update);

  const columns: ListColumn<ClinicalSystem, (typeof sortable)[number] | "roles" | "usedBy">[] = [
    {
      key: "name",
      header: t("clinicalSystems.name"),
      cell: (s) => (
        <span className="name-with-tag">
          {s.name}
          {s.archived ? <ArchivedTag /> : null}
        </span>
      ),
      sortValue: (s) => s.name,
    },
    { key: "roles", header: t("clinicalSystems.roles"), cell: (s) => s.roles.join(", ") },
    {
      key: "usedBy",
      header: t("clinicalSystems.usedBy"),
      cell: (s) =>
        s.usedBy.length > 0 ? (
          s.usedBy.map((u) => u.professionName).join(", ")
        ) : (
          <span className="muted">{t("clinicalSystems.unused")}</span>
        ),
    },
    {
      key: "updated",
      header: t("clinicalSystems.updated"),
      cell: (s) => formatDate(s.updatedAt),
      sortValue: (s) => s.updatedAt,
    },
  ];
  const archiving = dialog?.kind === "archive" ? dialog.system : undefined;

  return (
    <Page title={t("clinicalSystems.title")} lead={<Paragraph>{t("clinicalSystems.lead")}</Paragraph>}>
      <ListTable
        rows={systems.data?.items ?? []}
        rowKey={(s) => s.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t("clinicalSystems.search")}
        searchText={(s) => [s.name, ...s.roles]}
        toolbarEnd={
          <>
            <StatusFilter id="systems-status" status={status} onChange={setStatus} />
            <Button onClick={() => open({ kind: "new" })}>{t("clinicalSystems.new")}</Button>
          </>
        }
        caption={{ id: "systems-caption", text: t("clinicalSystems.caption") }}
        load={{ isPending: systems.isPending, error: systems.error, retry: () => void systems.refetch() }}
        empty={
          <Paragraph>{status === "active" ? t("clinicalSystems.empty") : t("clinicalSystems.noneFiltered")}</Paragraph>
        }
        server={{ total: systems.data?.total ?? 0 }}
        actions={(s) => (
          <RowActions>
            <EditButton name={s.name} onClick={() => open({ kind: "edit", system: s })} />
            <Button
              variant="tertiary"
              data-size="sm"
              aria-label={t(s.archived ? "clinicalSystems.restore.named" : "clinicalSystems.archive.named", {
                name: s.name,
              })}
              onClick={() => open({ kind: "archive", system: s })}
            >
              {t(s.archived ? "clinicalSystems.restore.confirm" : "clinicalSystems.archive.confirm")}
            </Button>
          </RowActions>
        )}
      />

      <FormDialog
        open={dialog?.kind === "new" || dialog?.kind === "edit"}
        title={
          dialog?.kind === "edit" ? t("clinicalSystems.edit", { name: dialog.system.name }) : t("clinicalSystems.new")
        }
        onClose={close}
      >
        <ClinicalSystemForm
          system={dialog?.kind === "edit" ? dialog.system : undefined}
          onCancel={close}
          onSaved={(name) => {
            const existed = dialog?.kind === "edit";
            close();
            announce(t(existed ? "clinicalSystems.saved" : "clinicalSystems.created", { name }));
          }}
        />
      </FormDialog>
      <ArchiveDialog
        item={archiving}
        kind="system"
        pending={update.isPending}
        error={update.error}
        onClose={close}
        onConfirm={() => {
          if (!archiving) return;
          update.mutate(
            { id: archiving.id, archived: !archiving.archived },
            {
              onSuccess: () => {
                close();
                announce(
                  t(archiving.archived ? "clinicalSystems.restore.done" : "clinicalSystems.archive.done", {
                    name: archiving.name,
                  }),
                );
              },
            },
          );
        }}
      />
    </Page>
  );
}
