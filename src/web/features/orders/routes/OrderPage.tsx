import { Alert, Button, Link as DsLink, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Order } from "../../../../contracts/orders.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { LineChange } from "../../../components/LineChange.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { saveFile } from "../../../lib/download.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useCancelOrder } from "../api/cancelOrder.ts";
import { useExportOrder } from "../api/exportOrder.ts";
import { useOrder } from "../api/getOrder.ts";
import { MarkOrderedForm } from "../components/MarkOrderedForm.tsx";
import { OrderStateTag } from "../components/OrderStateTag.tsx";
import { ORDERS_PATH } from "../lib/paths.ts";
import "../orders.css";

/** `/bestillinger/<id>`: an order with its lines; FOU downloads the portal's file, marks it ordered or cancels it. */
export function OrderPage() {
  const me = useSession();
  const { id = "" } = useParams();
  const order = useOrder(id);
  if (!may(me, "orders.read")) return <AccessGate allowed={false}>{null}</AccessGate>;
  if (order.isPending) return <Loading />;
  if (order.error) return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderView order={order.data} canAct={may(me, "orders.create")} />;
}

function OrderView({ order, canAct }: { order: Order; canAct: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const download = useExportOrder();
  const cancel = useCancelOrder();
  const { dialog, open, close } = useDialog<{ kind: "mark" } | { kind: "cancel" }>(cancel);
  const draft = order.state === "draft";
  const fetchFile = (format: "xlsx" | "csv") =>
    download.mutate(
      { id: order.id, format },
      { onSuccess: (file) => saveFile(file), onError: (e) => announce(errorMessage(t, e)) },
    );

  return (
    <Page
      title={t("orders.orderTitle", { number: order.number })}
      lead={
        <div className="section">
          <DsLink asChild>
            <Link to={ORDERS_PATH}>{t("orders.backToList")}</Link>
          </DsLink>
        </div>
      }
    >
      <dl className="facts">
        <div>
          <dt>{t("orders.state")}</dt>
          <dd>
            <OrderStateTag state={order.state} />
          </dd>
        </div>
        <div>
          <dt>{t("orders.sheet")}</dt>
          <dd>
            <DsLink asChild>
              <Link to={`/oversikter/${order.overviewId}?ark=${order.sheetId}`}>{order.sheetName}</Link>
            </DsLink>{" "}
            ({order.institution.shortName})
          </dd>
        </div>
        <div>
          <dt>{t("orders.students")}</dt>
          <dd>{t("orders.studentsAndLines", { count: order.rowCount, lines: order.lineCount })}</dd>
        </div>
        <div>
          <dt>{t("orders.created")}</dt>
          <dd>
            {formatDateTime(order.createdAt)}
            {order.createdBy ? ` (${order.createdBy.name})` : ""}
          </dd>
        </div>
        {order.reference ? (
          <div>
            <dt>{t("orders.reference")}</dt>
            <dd>
              {order.reference}
              {order.orderedAt ? ` · ${formatDateTime(order.orderedAt)}` : ""}
              {order.orderedBy ? ` (${order.orderedBy.name})` : ""}
            </dd>
          </div>
        ) : null}
        {order.cancelledAt ? (
          <div>
            <dt>{t("orders.cancelledAt")}</dt>
            <dd>{formatDateTime(order.cancelledAt)}</dd>
          </div>
        ) : null}
      </dl>

      {canAct && order.state !== "cancelled" ? (
        <div className="button-row order-actions">
          <Button variant="secondary" onClick={() => fetchFile("xlsx")} disabled={download.isPending}>
            {t("orders.downloadXlsx")}
          </Button>
          <Button variant="secondary" onClick={() => fetchFile("csv")} disabled={download.isPending}>
            {t("orders.downloadCsv")}
          </Button>
          {draft ? (
            <>
              <Button onClick={() => open({ kind: "mark" })}>{t("orders.markOrdered")}</Button>
              <Button variant="tertiary" data-color="danger" onClick={() => open({ kind: "cancel" })}>
                {t("orders.cancel")}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {draft && canAct ? (
        <Alert data-color="info" className="section">
          <Paragraph>{t("orders.draftHint")}</Paragraph>
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="order-lines">
        <Heading level={2} data-size="sm" id="order-lines">
          {t("orders.lines")}
        </Heading>
        <TableScroller labelledBy="order-lines">
          <Table data-size="sm" aria-labelledby="order-lines">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("orders.student")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.system")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.role")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.changeType")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.validity")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.username")}</Table.HeaderCell>
                <Table.HeaderCell>{t("orders.lineState")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {order.lines.map((l) => (
                <Table.Row key={l.id}>
                  <Table.Cell>
                    {l.firstName} {l.lastName}
                  </Table.Cell>
                  <Table.Cell>{l.system.name}</Table.Cell>
                  <Table.Cell>{l.role}</Table.Cell>
                  <Table.Cell>
                    <LineChange line={l} />
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(l.validFrom)}–{formatDate(l.validTo)}
                  </Table.Cell>
                  <Table.Cell>
                    {l.username
                      ? l.usernameVerified
                        ? l.username
                        : t("orders.unverified", { username: l.username })
                      : ""}
                  </Table.Cell>
                  <Table.Cell>
                    {t(`orders.lineStates.${l.state}`)}
                    {l.rejectReason ? `: ${l.rejectReason}` : ""}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      </section>

      <FormDialog open={dialog?.kind === "mark"} title={t("orders.markOrderedTitle")} onClose={close}>
        <MarkOrderedForm
          order={order}
          onCancel={close}
          onSaved={(saved) => {
            close();
            announce(t("orders.markedOrdered", { number: saved.number, reference: saved.reference ?? "" }));
          }}
        />
      </FormDialog>
      <ConfirmDialog
        open={dialog?.kind === "cancel"}
        title={t("orders.cancelTitle", { number: order.number })}
        body={t("orders.cancelBody")}
        confirmLabel={t("orders.cancel")}
        pending={cancel.isPending}
        error={cancel.error ? errorMessage(t, cancel.error) : null}
        onConfirm={() =>
          cancel.mutate(order.id, {
            onSuccess: () => {
              close();
              announce(t("orders.cancelled", { number: order.number }));
            },
          })
        }
        onClose={close}
      />
    </Page>
  );
}
