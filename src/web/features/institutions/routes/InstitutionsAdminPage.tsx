import { Button, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
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
import { useDeleteAgreement } from "../api/deleteAgreement.ts";
import { useAdminInstitutions } from "../api/listAdminInstitutions.ts";
import { useAgreements } from "../api/listAgreements.ts";
import { useUsers } from "../api/listUsers.ts";
import { AgreementForm } from "../components/AgreementForm.tsx";
import { ContactCell } from "../components/ContactCell.tsx";
import { InstitutionForm } from "../components/InstitutionForm.tsx";

const columns = ["name", "shortName", "agreement", "mainContact", "deputyContact"] as const;
type Column = (typeof columns)[number];
type Row = { institution: Institution; agreement: Agreement | undefined };

type DialogState =
  | { kind: "newInstitution" }
  | { kind: "editInstitution"; institution: Institution }
  | { kind: "agreement"; institution: Institution; agreement?: Agreement }
  | { kind: "deleteAgreement"; institution: Institution; agreement: Agreement }
  | null;

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
  const list = useListParams(columns, "name");
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => {
    setDialog(null);
    remove.reset();
  };

  const byInstitution = new Map((agreements.data ?? []).map((a) => [a.institution.id, a]));
  const rows: Row[] = (institutions.data ?? []).map((i) => ({ institution: i, agreement: byInstitution.get(i.id) }));
  const filtered = rows.filter((r) =>
    matchesSearch(
      list.query,
      r.institution.name,
      r.institution.shortName,
      r.agreement?.mainContact?.name,
      r.agreement?.deputyContact?.name,
    ),
  );
  const sorted = useSorted(
    filtered,
    (r: Row) => {
      const by: Record<Column, string> = {
        name: r.institution.name,
        shortName: r.institution.shortName,
        agreement: r.agreement ? "0" : "1",
        mainContact: r.agreement?.mainContact?.name ?? "\uffff",
        deputyContact: r.agreement?.deputyContact?.name ?? "\uffff",
      };
      return by[list.sort];
    },
    list.direction,
  );
  const headers: Record<Column, string> = {
    name: t("institutions.name"),
    shortName: t("institutions.shortName"),
    agreement: t("agreements.agreement"),
    mainContact: t("agreements.mainContact"),
    deputyContact: t("agreements.deputyContact"),
  };
  const loading = institutions.isPending || agreements.isPending;
  const error = institutions.error ?? agreements.error;

  return (
    <Page title={t("institutions.adminTitle")} lead={<Paragraph>{t("institutions.adminLead")}</Paragraph>}>
      <div className="toolbar">
        <SearchField label={t("institutions.search")} value={list.query} onChange={list.setQuery} />
        <Button onClick={() => setDialog({ kind: "newInstitution" })}>{t("institutions.new")}</Button>
      </div>

      {loading ? (
        <Loading />
      ) : error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void institutions.refetch();
            void agreements.refetch();
          }}
        />
      ) : rows.length === 0 ? (
        <Paragraph>{t("institutions.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t("common.showing", { shown: sorted.length, total: rows.length })}
          </Paragraph>
          {sorted.length === 0 ? (
            <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
          ) : (
            <TableScroller labelledBy="institutions-caption">
              <Table zebra>
                <caption id="institutions-caption" className="ds-sr-only">
                  {t("institutions.caption")}
                </caption>
                <Table.Head>
                  <Table.Row>
                    {columns.map((c) => (
                      <SortableHeader key={c} sort={list.ariaSort(c)} onSort={() => list.toggleSort(c)}>
                        {headers[c]}
                      </SortableHeader>
                    ))}
                    <Table.HeaderCell>
                      <span className="ds-sr-only">{t("common.actions")}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {sorted.map(({ institution, agreement }) => (
                    <Table.Row key={institution.id}>
                      <Table.Cell>{institution.name}</Table.Cell>
                      <Table.Cell>{institution.shortName}</Table.Cell>
                      <Table.Cell>
                        <Tag data-size="sm" data-color={agreement ? "success" : "neutral"}>
                          {agreement ? t("agreements.yes") : t("agreements.no")}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>{agreement ? <ContactCell person={agreement.mainContact} /> : "–"}</Table.Cell>
                      <Table.Cell>{agreement ? <ContactCell person={agreement.deputyContact} /> : "–"}</Table.Cell>
                      <Table.Cell>
                        <div className="cell-actions">
                          {agreement ? (
                            <>
                              <Button
                                variant="secondary"
                                data-size="sm"
                                aria-label={t("agreements.editContactsNamed", { name: institution.shortName })}
                                onClick={() => setDialog({ kind: "agreement", institution, agreement })}
                              >
                                {t("agreements.editContacts")}
                              </Button>
                              <Button
                                variant="tertiary"
                                data-color="danger"
                                data-size="sm"
                                aria-label={t("agreements.deleteNamed", { name: institution.shortName })}
                                onClick={() => setDialog({ kind: "deleteAgreement", institution, agreement })}
                              >
                                {t("agreements.delete")}
                              </Button>
                            </>
                          ) : (
                            <Button
                              variant="secondary"
                              data-size="sm"
                              aria-label={t("agreements.createNamed", { name: institution.shortName })}
                              onClick={() => setDialog({ kind: "agreement", institution })}
                            >
                              {t("agreements.create")}
                            </Button>
                          )}
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t("institutions.editNamed", { name: institution.shortName })}
                            onClick={() => setDialog({ kind: "editInstitution", institution })}
                          >
                            {t("institutions.edit")}
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
      <ConfirmDialog
        open={dialog?.kind === "deleteAgreement"}
        title={t("agreements.deleteTitle")}
        body={dialog?.kind === "deleteAgreement" ? t("agreements.deleteBody", { name: dialog.institution.name }) : ""}
        confirmLabel={t("agreements.delete")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onClose={close}
        onConfirm={() => {
          if (dialog?.kind !== "deleteAgreement") return;
          const name = dialog.institution.name;
          remove.mutate(dialog.agreement.id, {
            onSuccess: () => {
              close();
              announce(t("agreements.deleted", { name }));
            },
          });
        }}
      />
    </Page>
  );
}
