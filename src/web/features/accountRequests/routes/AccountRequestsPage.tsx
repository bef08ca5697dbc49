import { Alert, Button, Card, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountRequest } from "../../../../contracts/account-requests.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { noticeTexts } from "../../../lib/notices.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useApproveAccountRequest } from "../api/approveAccountRequest.ts";
import { useAccountRequests } from "../api/listAccountRequests.ts";
import { DeclineForm } from "../components/DeclineForm.tsx";
import "../accountRequests.css";

type DialogState = { kind: "approve"; request: AccountRequest } | { kind: "decline"; request: AccountRequest } | null;

export function AccountRequestsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "accountRequests.review")}>
      <AccountRequests />
    </AccessGate>
  );
}

/** /admin/tilgangsforesporsler — requests waiting for a decision first, then the decided ones. */
function AccountRequests() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const requests = useAccountRequests();
  const approve = useApproveAccountRequest();
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = () => {
    setDialog(null);
    approve.reset();
  };

  const all = requests.data ?? [];
  const pending = all.filter((r) => r.status === "pending");
  const decided = all.filter((r) => r.status !== "pending");

  const roleText = (r: AccountRequest) =>
    r.institution ? `${t(`roles.${r.role}`)} – ${r.institution.shortName}` : t(`roles.${r.role}`);

  return (
    <Page title={t("accountRequests.admin.title")} lead={<Paragraph>{t("accountRequests.admin.lead")}</Paragraph>}>
      {requests.isPending ? (
        <Loading />
      ) : requests.error ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <>
          <section className="section" aria-labelledby="pending-heading">
            <Heading level={2} data-size="sm" id="pending-heading">
              {t("accountRequests.admin.pendingHeading", { count: pending.length })}
            </Heading>
            {pending.length === 0 ? (
              <Paragraph>{t("accountRequests.admin.nonePending")}</Paragraph>
            ) : (
              <ul className="card-list">
                {pending.map((r) => (
                  <li key={r.id}>
                    <Card className="card-body">
                      <Heading level={3} data-size="xs">
                        {r.name}
                      </Heading>
                      <dl className="request-facts">
                        <div>
                          <dt>{t("accountRequests.admin.email")}</dt>
                          <dd>
                            {r.email}{" "}
                            {r.existingUser ? (
                              <Tag data-size="sm" data-color="info">
                                {t("accountRequests.admin.existingUser")}
                              </Tag>
                            ) : null}
                          </dd>
                        </div>
                        <div>
                          <dt>{t("accountRequests.admin.role")}</dt>
                          <dd>{t(`roles.${r.role}`)}</dd>
                        </div>
                        {r.institution ? (
                          <div>
                            <dt>{t("accountRequests.admin.institution")}</dt>
                            <dd>
                              {r.institution.name} ({r.institution.shortName})
                            </dd>
                          </div>
                        ) : null}
                        <div>
                          <dt>{t("accountRequests.admin.received")}</dt>
                          <dd>{formatDateTime(r.createdAt)}</dd>
                        </div>
                        <div className="request-message">
                          <dt>{t("accountRequests.admin.message")}</dt>
                          <dd>{r.message ?? <span className="muted">{t("accountRequests.admin.noMessage")}</span>}</dd>
                        </div>
                      </dl>
                      {r.existingUser ? (
                        <Paragraph data-size="sm">{t("accountRequests.admin.existingUserHint")}</Paragraph>
                      ) : null}
                      <div className="button-row">
                        <Button
                          onClick={() => setDialog({ kind: "approve", request: r })}
                          aria-label={t("accountRequests.admin.approveNamed", { name: r.name })}
                        >
                          {t("accountRequests.admin.approve")}
                        </Button>
                        <Button
                          variant="secondary"
                          data-color="danger"
                          onClick={() => setDialog({ kind: "decline", request: r })}
                          aria-label={t("accountRequests.admin.declineNamed", { name: r.name })}
                        >
                          {t("accountRequests.admin.decline")}
                        </Button>
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="section" aria-labelledby="decided-heading">
            <Heading level={2} data-size="sm" id="decided-heading">
              {t("accountRequests.admin.decidedHeading")}
            </Heading>
            {decided.length === 0 ? (
              <Paragraph>{t("accountRequests.admin.noneDecided")}</Paragraph>
            ) : (
              <TableScroller labelledBy="decided-caption">
                <Table zebra data-size="sm">
                  <caption id="decided-caption" className="ds-sr-only">
                    {t("accountRequests.admin.decidedCaption")}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t("accountRequests.admin.name")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("accountRequests.admin.role")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("accountRequests.admin.decision")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("accountRequests.admin.decidedBy")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("accountRequests.admin.reasonColumn")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {decided.map((r) => (
                      <Table.Row key={r.id}>
                        <Table.Cell>
                          {r.name}
                          <br />
                          <span className="muted">{r.email}</span>
                        </Table.Cell>
                        <Table.Cell>{roleText(r)}</Table.Cell>
                        <Table.Cell>
                          <Tag data-size="sm" data-color={r.status === "approved" ? "success" : "warning"}>
                            {t(`accountRequests.status.${r.status}`)}
                          </Tag>
                        </Table.Cell>
                        <Table.Cell>
                          {r.decidedBy?.name ?? "–"}
                          {r.decidedAt ? (
                            <>
                              <br />
                              <span className="muted">{formatDateTime(r.decidedAt)}</span>
                            </>
                          ) : null}
                        </Table.Cell>
                        <Table.Cell>{r.declineReason ?? "–"}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroller>
            )}
          </section>
        </>
      )}

      <FormDialog
        open={dialog?.kind === "approve"}
        title={dialog ? t("accountRequests.admin.approveTitle", { name: dialog.request.name }) : ""}
        onClose={close}
      >
        {dialog?.kind === "approve" ? (
          <div className="form">
            <Paragraph>
              {t("accountRequests.admin.approveBody", { name: dialog.request.name, role: roleText(dialog.request) })}
            </Paragraph>
            <Paragraph>
              {dialog.request.existingUser
                ? t("accountRequests.admin.approveExisting")
                : t("accountRequests.admin.approveInvite", { email: dialog.request.email })}
            </Paragraph>
            {approve.error ? (
              <Alert data-color="danger" role="alert">
                <Paragraph>{errorMessage(t, approve.error)}</Paragraph>
              </Alert>
            ) : null}
            <div className="button-row">
              <Button
                loading={approve.isPending}
                disabled={approve.isPending}
                onClick={() =>
                  approve.mutate(dialog.request.id, {
                    onSuccess: (r) => {
                      close();
                      announce(t("accountRequests.admin.approved", { name: r.name }));
                    },
                  })
                }
              >
                {t("accountRequests.admin.approveSubmit")}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        ) : null}
      </FormDialog>
      <FormDialog
        open={dialog?.kind === "decline"}
        title={dialog ? t("accountRequests.admin.declineTitle", { name: dialog.request.name }) : ""}
        onClose={close}
      >
        {dialog?.kind === "decline" ? (
          <DeclineForm
            request={dialog.request}
            onCancel={close}
            onDone={(r) => {
              close();
              announce([t("accountRequests.admin.declined", { name: r.name }), ...noticeTexts(t, r.notices)].join(" "));
            }}
          />
        ) : null}
      </FormDialog>
    </Page>
  );
}
