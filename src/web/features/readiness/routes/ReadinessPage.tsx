import { Button, Link as DsLink, Field, Label, Paragraph, Select, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ReadinessItem } from "../../../../contracts/orders.ts";
import { orderStates } from "../../../../domain/statuses.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useReadiness } from "../api/listReadiness.ts";
import { ReadinessSteps } from "../components/ReadinessSteps.tsx";
import { StatusImportDialog } from "../components/StatusImportDialog.tsx";
import "../readiness.css";
import { READINESS_PATH, redWithin } from "../lib/paths.ts";

const sortable = ["start", "name", "sheet", "institution", "state"] as const;
const dayChoices = ["7", "14", "30"] as const;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** `/klar`: Status før praksis — each student's steps before the placement (FOU, admins, coordinators). */
export function ReadinessPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "readiness.read")}>
      <Readiness />
    </AccessGate>
  );
}

/** The filters the URL holds besides the list's own (`q`, `sort`, `dir`, `side`, `antall`). */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const days = params.get("ikkeKlar") ?? "";
  const state = params.get("bestilt") ?? "";
  const date = (name: string) => {
    const v = params.get(name) ?? "";
    return datePattern.test(v) ? v : undefined;
  };
  const filters = {
    notReadyDays: /^\d{1,3}$/.test(days) ? Number(days) : undefined,
    orderState: (orderStates as readonly string[]).includes(state)
      ? (state as (typeof orderStates)[number])
      : undefined,
    institutionId: params.get("institusjon") || undefined,
    sheetId: params.get("ark") || undefined,
    overviewId: params.get("dokument") || undefined,
    from: date("fra"),
    to: date("til"),
  };
  const set = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete("side");
        return next;
      },
      { replace: true },
    );
  return { filters, set, params };
}

function Readiness() {
  const { t } = useTranslation();
  const me = useSession();
  const { filters, set, params } = useFilters();
  const query = useServerListQuery(sortable, "start");
  const list = useReadiness({ ...query, ...filters });
  const wholeTrust = may(me, "orders.read");
  const institutions = useInstitutions(wholeTrust);
  const { dialog, open, close } = useDialog<{ kind: "import" }>();
  const counts = list.data?.counts;
  const narrowed = Object.values(filters).some((v) => v !== undefined);
  const red = (item: ReadinessItem) =>
    !item.ready && item.daysToStart !== null && item.daysToStart >= 0 && item.daysToStart <= redWithin;

  const columns: ListColumn<ReadinessItem, (typeof sortable)[number] | "steps" | "username">[] = [
    {
      key: "name",
      header: t("readiness.name"),
      cell: (i) => (
        <>
          {i.lastName}, {i.firstName}
          {red(i) ? (
            <>
              {" "}
              <Tag data-color="danger" data-size="sm">
                {t("readiness.notReadyIn", { count: i.daysToStart ?? 0 })}
              </Tag>
            </>
          ) : i.ready ? (
            <>
              {" "}
              <Tag data-color="success" data-size="sm">
                {t("readiness.ready")}
              </Tag>
            </>
          ) : null}
        </>
      ),
      sortValue: (i) => `${i.lastName} ${i.firstName}`,
    },
    {
      key: "start",
      header: t("readiness.start"),
      cell: (i) => (i.startDate ? formatDate(`${i.startDate}T12:00:00Z`) : ""),
      sortValue: (i) => i.startDate ?? "",
    },
    {
      key: "institution",
      header: t("readiness.institution"),
      cell: (i) => i.institution.shortName,
      sortValue: (i) => i.institution.shortName,
    },
    {
      key: "sheet",
      header: t("readiness.sheet"),
      cell: (i) => (
        <DsLink asChild>
          <Link to={`/oversikter/${i.overviewId}?ark=${i.sheetId}`}>{i.sheetName}</Link>
        </DsLink>
      ),
      sortValue: (i) => i.sheetName,
    },
    {
      key: "steps",
      header: t("readiness.stepsHeader"),
      cell: (i) => (
        <>
          <ReadinessSteps item={i} />
          {i.rejectMessage ? <Paragraph data-size="sm">{i.rejectMessage}</Paragraph> : null}
          {i.reference ? (
            <Paragraph data-size="sm" className="muted">
              {t("readiness.reference", { reference: i.reference })}
            </Paragraph>
          ) : null}
        </>
      ),
    },
    {
      key: "username",
      header: t("readiness.username"),
      cell: (i) =>
        i.username ? (
          <>
            {i.username}
            {i.usernameVerified ? null : (
              <>
                {" "}
                <Tag data-color="warning" data-size="sm">
                  {t("readiness.unverified")}
                </Tag>
              </>
            )}
          </>
        ) : (
          ""
        ),
    },
    {
      key: "state",
      header: t("readiness.orderState"),
      cell: (i) => t(`readiness.orderStates.${i.orderState}`),
      sortValue: (i) => (i.ready ? 1 : 0),
    },
  ];

  const filterLink = (values: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) next.set(k, v);
    return `${READINESS_PATH}?${next.toString()}`;
  };

  return (
    <Page title={t("readiness.title")} lead={<Paragraph>{t("readiness.lead")}</Paragraph>}>
      {counts ? (
        <div className="readiness-counts">
          <Paragraph>{t("readiness.counts.students", { count: counts.students })}</Paragraph>
          <Paragraph>{t("readiness.counts.ready", { count: counts.ready })}</Paragraph>
          <Paragraph>
            {filters.notReadyDays === undefined ? (
              <DsLink asChild>
                <Link to={filterLink({ ikkeKlar: String(redWithin) })}>
                  {t("readiness.counts.notReady", { count: counts.notReady })}
                </Link>
              </DsLink>
            ) : (
              t("readiness.counts.notReady", { count: counts.notReady })
            )}
          </Paragraph>
          {narrowed ? (
            <Paragraph>
              <DsLink asChild>
                <Link to={READINESS_PATH}>{t("readiness.showAll")}</Link>
              </DsLink>
            </Paragraph>
          ) : null}
        </div>
      ) : null}
      <ListTable
        rows={list.data?.items ?? []}
        rowKey={(i) => i.rowId}
        columns={columns}
        defaultSort="start"
        searchLabel={t("readiness.search")}
        searchText={(i) => [i.lastName, i.firstName, i.sheetName, i.username]}
        toolbarEnd={
          <>
            <Field className="readiness-filter">
              <Label htmlFor="readiness-days">{t("readiness.filterDays")}</Label>
              <Select
                id="readiness-days"
                value={filters.notReadyDays === undefined ? "" : String(filters.notReadyDays)}
                onChange={(e) => set("ikkeKlar", e.target.value)}
              >
                <Select.Option value="">{t("readiness.allStudents")}</Select.Option>
                {[
                  ...new Set([...dayChoices, ...(params.get("ikkeKlar") ? [params.get("ikkeKlar") as string] : [])]),
                ].map((d) => (
                  <Select.Option key={d} value={d}>
                    {t("readiness.notReadyWithin", { count: Number(d) })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field className="readiness-filter">
              <Label htmlFor="readiness-state">{t("readiness.orderState")}</Label>
              <Select
                id="readiness-state"
                value={filters.orderState ?? ""}
                onChange={(e) => set("bestilt", e.target.value)}
              >
                <Select.Option value="">{t("readiness.allStates")}</Select.Option>
                {orderStates.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`readiness.orderStates.${s}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {wholeTrust ? (
              <Field className="readiness-filter">
                <Label htmlFor="readiness-institution">{t("readiness.institution")}</Label>
                <Select
                  id="readiness-institution"
                  value={filters.institutionId ?? ""}
                  onChange={(e) => set("institusjon", e.target.value)}
                >
                  <Select.Option value="">{t("readiness.allInstitutions")}</Select.Option>
                  {(institutions.data ?? []).map((i) => (
                    <Select.Option key={i.id} value={i.id}>
                      {i.shortName}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            ) : null}
            {may(me, "orders.create") ? (
              <Button variant="secondary" onClick={() => open({ kind: "import" })}>
                {t("readiness.import.open")}
              </Button>
            ) : null}
          </>
        }
        caption={{ id: "readiness-caption", text: t("readiness.caption") }}
        load={{ isPending: list.isPending, error: list.error, retry: () => void list.refetch() }}
        empty={<Paragraph>{narrowed ? t("readiness.noneFiltered") : t("readiness.empty")}</Paragraph>}
        server={{ total: list.data?.total ?? 0 }}
      />
      <StatusImportDialog open={dialog?.kind === "import"} onClose={close} />
    </Page>
  );
}
