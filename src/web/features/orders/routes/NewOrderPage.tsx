import { Alert, Button, Checkbox, Link as DsLink, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { OrderReason, OrderRowCheck } from "../../../../contracts/orders.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { useSheetRows } from "../../../api/listSheetRows.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { changesLabel, changeTypeText } from "../../../lib/lineChanges.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useCreateOrder, useOrderCheck } from "../api/createOrder.ts";
import { orderPath } from "../lib/paths.ts";
import "../orders.css";

/** A reason a row is refused or warned about, in words. */
export function reasonText(t: TFunction, r: OrderReason): string {
  const days = r.days ?? 0;
  if (r.code === "lead_time" && days < 0) return t("orders.reasons.started", { count: -days });
  return t(`orders.reasons.${r.code}`, { count: days, programme: r.programme ?? "" });
}

/** `/bestillinger/ny?ark=<id>`: the check of every row of a submitted sheet, then the order of those ready. */
export function NewOrderPage() {
  const me = useSession();
  const [params] = useSearchParams();
  return (
    <AccessGate allowed={may(me, "orders.create")}>
      <NewOrder sheetId={params.get("ark") ?? ""} />
    </AccessGate>
  );
}

function NewOrder({ sheetId }: { sheetId: string }) {
  const { t } = useTranslation();
  const sheet = useSheetRows(sheetId);
  const rowIds = useMemo(() => (sheet.data?.rows ?? []).filter((r) => !r.anonymisedAt).map((r) => r.id), [sheet.data]);
  const check = useOrderCheck(sheetId, rowIds);

  if (sheet.isPending) return <Loading />;
  if (sheet.error) return <LoadError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { sheet: s } = sheet.data;
  const back = `/oversikter/${s.overviewId}?ark=${s.id}`;
  return (
    <Page
      title={t("orders.newTitle", { sheet: s.name })}
      lead={
        <div className="section">
          <Paragraph>{t("orders.newLead")}</Paragraph>
          <DsLink asChild>
            <Link to={back}>{t("orders.backToSheet")}</Link>
          </DsLink>
        </div>
      }
    >
      {rowIds.length === 0 ? (
        <Paragraph>{t("orders.noRows")}</Paragraph>
      ) : check.isPending ? (
        <Loading />
      ) : check.error ? (
        <LoadError error={check.error} onRetry={() => void check.refetch()} />
      ) : (
        <CheckReport sheetId={sheetId} rows={check.data.rows} />
      )}
    </Page>
  );
}

function CheckReport({ sheetId, rows }: { sheetId: string; rows: OrderRowCheck[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrder();
  const [accept, setAccept] = useState(false);
  const ready = rows.filter((r) => r.outcome === "ready");
  const warned = rows.filter((r) => r.outcome === "warning");
  const refused = rows.filter((r) => r.outcome === "refused");
  const changed = rows.filter((r) => r.outcome === "change");
  const chosen = [...changed, ...ready, ...(accept ? warned : [])];

  const order = () =>
    create.mutate(
      { sheetId, rowIds: chosen.map((r) => r.rowId), acceptWarnings: accept && warned.length > 0 },
      {
        onSuccess: (result) => {
          if (!result.order) return;
          void navigate(orderPath(result.order.id), {
            state: { announce: t("orders.createdNow", { number: result.order.number, count: chosen.length }) },
          });
        },
      },
    );

  return (
    <>
      <ul className="order-counts" aria-label={t("orders.countsLabel")}>
        {changed.length > 0 ? <li>{t("orders.changeCount", { count: changed.length })}</li> : null}
        <li>{t("orders.readyCount", { count: ready.length })}</li>
        <li>{t("orders.warningCount", { count: warned.length })}</li>
        <li>{t("orders.refusedCount", { count: refused.length })}</li>
      </ul>
      <CheckTable id="order-change" title={t("orders.changeHeading", { count: changed.length })} rows={changed} />
      <CheckTable id="order-ready" title={t("orders.readyHeading", { count: ready.length })} rows={ready} />
      <CheckTable id="order-warning" title={t("orders.warningHeading", { count: warned.length })} rows={warned} />
      <CheckTable id="order-refused" title={t("orders.refusedHeading", { count: refused.length })} rows={refused} />
      <div className="section order-submit">
        {warned.length > 0 ? (
          <Checkbox
            label={t("orders.acceptWarnings", { count: warned.length })}
            checked={accept}
            onChange={(e) => setAccept(e.target.checked)}
          />
        ) : null}
        {create.error ? (
          <Alert data-color="danger">
            <Paragraph>{errorMessage(t, create.error)}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button onClick={order} loading={create.isPending} disabled={create.isPending || chosen.length === 0}>
            {t("orders.orderStudents", { count: chosen.length })}
          </Button>
        </div>
      </div>
    </>
  );
}

function CheckTable({ id, title, rows }: { id: string; title: string; rows: OrderRowCheck[] }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="xs" id={id}>
        {title}
      </Heading>
      <TableScroller labelledBy={id}>
        <Table data-size="sm" aria-labelledby={id}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("orders.student")}</Table.HeaderCell>
              <Table.HeaderCell>{t("orders.period")}</Table.HeaderCell>
              <Table.HeaderCell>{t("orders.systems")}</Table.HeaderCell>
              <Table.HeaderCell>{t("orders.why")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.rowId}>
                <Table.Cell>{r.name || t("orders.noName")}</Table.Cell>
                <Table.Cell>
                  {r.startDate && r.endDate ? `${formatDate(r.startDate)}–${formatDate(r.endDate)}` : ""}
                </Table.Cell>
                <Table.Cell>
                  {r.systems
                    .map((s) =>
                      r.outcome === "change"
                        ? `${s.systemName}: ${s.role} (${changeTypeText(t, s.changeType)})`
                        : `${s.systemName}: ${s.role}`,
                    )
                    .join(", ")}
                </Table.Cell>
                <Table.Cell>
                  {r.outcome === "change"
                    ? changesLabel(r.changes, i18n.language)
                    : r.reasons.map((reason) => reasonText(t, reason)).join(" ")}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroller>
    </section>
  );
}
