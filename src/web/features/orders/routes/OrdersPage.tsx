import { Link as DsLink, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type OrderState, type OrderSummary, orderStateSchema } from "../../../../contracts/orders.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useOrders } from "../api/listOrders.ts";
import { OrderStateTag } from "../components/OrderStateTag.tsx";
import { orderPath } from "../lib/paths.ts";
import "../orders.css";

const sortable = ["number", "created", "sheet", "institution", "starts"] as const;

/** `/bestillinger`: the trust's orders, filtered by state (`?status=`), searched and paged by the server. */
export function OrdersPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "orders.read")}>
      <Orders />
    </AccessGate>
  );
}

function Orders() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const parsed = orderStateSchema.safeParse(params.get("status"));
  const state: OrderState | undefined = parsed.success ? parsed.data : undefined;
  const query = useServerListQuery(sortable, "created");
  const orders = useOrders({ ...query, state });

  const setState = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("status", value);
        else next.delete("status");
        next.delete("side");
        return next;
      },
      { replace: true },
    );

  const columns: ListColumn<OrderSummary, (typeof sortable)[number] | "state" | "lines">[] = [
    {
      key: "number",
      header: t("orders.number"),
      cell: (o) => (
        <DsLink asChild>
          <Link to={orderPath(o.id)}>{t("orders.numberShort", { number: o.number })}</Link>
        </DsLink>
      ),
      sortValue: (o) => o.number,
    },
    { key: "state", header: t("orders.state"), cell: (o) => <OrderStateTag state={o.state} /> },
    { key: "sheet", header: t("orders.sheet"), cell: (o) => o.sheetName, sortValue: (o) => o.sheetName },
    {
      key: "institution",
      header: t("orders.institution"),
      cell: (o) => o.institution.shortName,
      sortValue: (o) => o.institution.shortName,
    },
    {
      key: "lines",
      header: t("orders.students"),
      cell: (o) => t("orders.studentsAndLines", { count: o.rowCount, lines: o.lineCount }),
    },
    {
      key: "starts",
      header: t("orders.startsOn"),
      cell: (o) => (o.startsOn ? formatDate(o.startsOn) : ""),
      sortValue: (o) => o.startsOn ?? "",
    },
    {
      key: "created",
      header: t("orders.created"),
      cell: (o) => `${formatDateTime(o.createdAt)}${o.createdBy ? ` (${o.createdBy.name})` : ""}`,
      sortValue: (o) => o.createdAt,
    },
  ];

  return (
    <Page title={t("orders.title")} lead={<Paragraph>{t("orders.lead")}</Paragraph>}>
      <ListTable
        rows={orders.data?.items ?? []}
        rowKey={(o) => o.id}
        columns={columns}
        defaultSort="created"
        searchLabel={t("orders.search")}
        searchText={(o) => [String(o.number), o.reference ?? "", o.sheetName, o.institution.shortName]}
        toolbarEnd={
          <Field className="order-filter">
            <Label htmlFor="orders-state">{t("orders.filterState")}</Label>
            <Select id="orders-state" value={state ?? ""} onChange={(e) => setState(e.target.value)}>
              <Select.Option value="">{t("orders.allStates")}</Select.Option>
              {orderStateSchema.options.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`orders.states.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        }
        caption={{ id: "orders-caption", text: t("orders.caption") }}
        load={{ isPending: orders.isPending, error: orders.error, retry: () => void orders.refetch() }}
        empty={<Paragraph>{state ? t("orders.noneFiltered") : t("orders.empty")}</Paragraph>}
        server={{ total: orders.data?.total ?? 0 }}
      />
    </Page>
  );
}
