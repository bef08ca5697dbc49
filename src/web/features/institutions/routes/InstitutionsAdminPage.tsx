import { Button, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
import { useUsers } from "../../../api/listUsers.ts";
import { DeleteDialog } from "../../../components/DeleteDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { DeleteButton, EditButton, RowActions } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useDeleteAgreement } from "../api/deleteAgreement.ts";
import { useAdminInstitutions } from "../api/listAdminInstitutions.ts";
import { useAgreements } from "../api/listAgreements.ts";
import { AgreementForm } from "../components/AgreementForm.tsx";
import { InstitutionForm } from "../components/InstitutionForm.tsx";
import {
  contactColumns,
  type InstitutionRow,
  institutionRows,
  institutionSearchText,
  nameColumns,
} from "../components/institutionRows.tsx";

type DialogState =
  | { kind: "newInstitution" }
  | { kind: "editInstitution"; institution: Institution }
  | { kind: "agreement"; institution: Institution; agreement?: Agreement }
  | { kind: "deleteAgreement"; institution: Institution; agreement: Agreement };

export function InstitutionsAdminPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "agreements.manage")}>
      <InstitutionsAdmin />
    </AccessGate>
  );
}

function InstitutionsAdmin() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const institutions = useAdminInstitutions();
  const agreements = useAgreements();
  const users = useUsers();
  const remove = useDeleteAgreement();
  const { dialog, open, close } = useDialog<DialogState>(remove);

  const rows = institutionRows(institutions.data ?? [], agreements.data ?? []);
  const columns: ListColumn<InstitutionRow>[] = [
    ...nameColumns(t),
    {
      key: "agreement",
      header: t("agreements.agreement"),
      cell: (r) => (
        <Tag data-size="sm" data-color={r.agreement ? "success" : "neutral"}>
          {r.agreement ? t("agreements.yes") : t("agreements.no")}
        </Tag>
      ),
      sortValue: (r) => (r.agreement ? "0" : "1"),
    },
    ...contactColumns(t, "–"),
  ];

  return (
    <Page title={t("institutions.adminTitle")} lead={<Paragraph>{t("institutions.adminLead")}</Paragraph>}>
      <ListTable
        rows={rows}
        rowKey={(r) => r.institution.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t("institutions.search")}
        searchText={institutionSearchText}
        toolbarEnd={<Button onClick={() => open({ kind: "newInstitution" })}>{t("institutions.new")}</Button>}
        caption={{ id: "institutions-caption", text: t("institutions.caption") }}
        load={{
          isPending: institutions.isPending || agreements.isPending,
          error: institutions.error ?? agreements.error,
          retry: () => {
            void institutions.refetch();
            void agreements.refetch();
          },
        }}
        empty={<Paragraph>{t("institutions.empty")}</Paragraph>}
        actions={({ institution, agreement }) => (
          <RowActions>
            {agreement ? (
              <>
                <EditButton
                  name={institution.shortName}
                  label={t("agreements.editContacts")}
                  ariaLabel={t("agreements.editContactsNamed", { name: institution.shortName })}
                  onClick={() => open({ kind: "agreement", institution, agreement })}
                />
                <DeleteButton
                  name={institution.shortName}
                  label={t("agreements.delete")}
                  ariaLabel={t("agreements.deleteNamed", { name: institution.shortName })}
                  onClick={() => open({ kind: "deleteAgreement", institution, agreement })}
                />
              </>
            ) : (
              <EditButton
                name={institution.shortName}
                label={t("agreements.create")}
                ariaLabel={t("agreements.createNamed", { name: institution.shortName })}
                onClick={() => open({ kind: "agreement", institution })}
              />
            )}
            <Button
              variant="tertiary"
              data-size="sm"
              aria-label={t("institutions.editNamed", { name: institution.shortName })}
              onClick={() => open({ kind: "editInstitution", institution })}
            >
              {t("institutions.edit")}
            </Button>
          </RowActions>
        )}
      />

      <FormDialog open={dialog?.kind === "newInstitution"} title={t("institutions.new")} onClose={close}>
        <InstitutionForm
          onCancel={close}
          onSaved={(i) => {
            close();
            announce(t("institutions.created", { name: i.name }));
          }}
        />
      </FormDialog>
      <FormDialog open={dialog?.kind === "editInstitution"} title={t("institutions.edit")} onClose={close}>
        {dialog?.kind === "editInstitution" ? (
          <InstitutionForm
            institution={dialog.institution}
            onCancel={close}
            onSaved={(i) => {
              close();
              announce(t("institutions.saved", { name: i.name }));
            }}
          />
        ) : null}
      </FormDialog>
      <FormDialog
        open={dialog?.kind === "agreement"}
        title={dialog?.kind === "agreement" && dialog.agreement ? t("agreements.editContacts") : t("agreements.create")}
        onClose={close}
      >
        {dialog?.kind === "agreement" ? (
          <AgreementForm
            institution={dialog.institution}
            agreement={dialog.agreement}
            users={users.data ?? []}
            onCancel={close}
            onSaved={() => {
              const name = dialog.institution.name;
              const existed = Boolean(dialog.agreement);
              close();
              announce(existed ? t("agreements.saved", { name }) : t("agreements.created", { name }));
            }}
          />
        ) : null}
      </FormDialog>
      <DeleteDialog
        item={dialog?.kind === "deleteAgreement" ? dialog : undefined}
        id={(d) => d.agreement.id}
        mutation={remove}
        title={() => t("agreements.deleteTitle")}
        body={(d) => (d ? t("agreements.deleteBody", { name: d.institution.name }) : "")}
        confirmLabel={t("agreements.delete")}
        deleted={(d) => t("agreements.deleted", { name: d.institution.name })}
        onClose={close}
      />
    </Page>
  );
}
